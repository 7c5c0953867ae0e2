package de.henk.hub.crm;

import de.henk.hub.config.HenkProperties;
import java.time.Duration;
import org.apache.camel.Component;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;

/**
 * The HTTP client's timeouts — camel-http talks only to Pipedrive: {@code henk.pipedrive.connect-timeout} to connect,
 * {@code henk.pipedrive.timeout} for a pooled connection and for the answer. Set here rather than as
 * {@code camel.component.http.*}, which takes plain milliseconds, so the settings stay durations ({@code 10s}).
 */
@org.springframework.stereotype.Component
public class PipedriveHttpTimeouts implements ComponentCustomizer {

    private final Duration connect;
    private final Duration call;

    public PipedriveHttpTimeouts(HenkProperties properties) {
        this.connect = properties.pipedrive().connectTimeout();
        this.call = properties.pipedrive().timeout();
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof HttpComponent;
    }

    @Override
    public void configure(String name, Component target) {
        HttpComponent http = (HttpComponent) target;
        http.setConnectTimeout(connect.toMillis());
        http.setConnectionRequestTimeout(call.toMillis());
        http.setResponseTimeout(call.toMillis());
        http.setSoTimeout(call.toMillis());
    }
}
