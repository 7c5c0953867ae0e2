package de.henk.hub.system;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Puts the embedded H2 file database's pool behind {@link H2GroupCommit} ({@code henk.database.group-commit}, on by
 * default; off, every commit is its own H2 store as the URL's {@code WRITE_DELAY=0} says). Other databases — and H2
 * in memory — are left as they are. Read from the environment, not from HenkProperties: a bean post-processor is made
 * before the beans it would otherwise need.
 */
@Configuration(proxyBeanMethods = false)
public class H2GroupCommitConfig {

    @Bean
    public static H2GroupCommit h2GroupCommit() {
        return new H2GroupCommit();
    }

    /** henk_h2_stores_total / henk_h2_durable_waits_total: how many writes shared each store. */
    @Bean
    public io.micrometer.core.instrument.binder.MeterBinder h2GroupCommitMetrics(H2GroupCommit groupCommit) {
        return registry -> {
            io.micrometer.core.instrument.FunctionCounter.builder("henk.h2.stores", groupCommit, H2GroupCommit::stores)
                    .description("H2 stores made by the group commit").register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("henk.h2.durable.waits", groupCommit,
                    H2GroupCommit::waits).description("writes that waited for an H2 store").register(registry);
        };
    }

    @Bean
    public static BeanPostProcessor h2GroupCommitDataSource(Environment environment,
                                                            org.springframework.beans.factory.ObjectProvider<H2GroupCommit> groupCommit) {
        boolean enabled = environment.getProperty("henk.database.group-commit", Boolean.class, true);
        String url = environment.getProperty("spring.datasource.url", "");
        boolean h2File = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (enabled && h2File && bean instanceof DataSource dataSource
                        && !(bean instanceof H2GroupCommit.Durable)) {
                    return groupCommit.getObject().wrap(dataSource);
                }
                return bean;
            }
        };
    }
}
