package de.henk.hub.chat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ChatSettings.class, LlmSettings.class})
public class ChatConfig { }
