package de.henk.hub.config;

import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;

/**
 * The executor platform-http runs REST routes on. Camel's Spring Boot engine prefers a
 * {@link DelegatingSecurityContextAsyncTaskExecutor}, so the caller's authentication and the request id travel
 * with the exchange onto the worker thread. Chat turns wait on LLMs, so the pool is sized on purpose; on Java 21+
 * every route runs on its own virtual thread instead.
 */
@Configuration(proxyBeanMethods = false)
public class HttpExecutorConfig {

    @Bean(name = {"platformHttpExecutor", "applicationTaskExecutor", "taskExecutor"})
    public DelegatingSecurityContextAsyncTaskExecutor platformHttpExecutor(HenkProperties properties) {
        return new DelegatingSecurityContextAsyncTaskExecutor(delegate(properties.http().workerThreads()));
    }

    static AsyncTaskExecutor delegate(int workerThreads) {
        if (Runtime.version().feature() >= 21) {
            SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor("henk-http-");
            virtual.setVirtualThreads(true);
            virtual.setTaskDecorator(new MdcPropagation());
            return virtual;
        }
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix("henk-http-");
        pool.setCorePoolSize(workerThreads);
        pool.setMaxPoolSize(workerThreads);
        pool.setAllowCoreThreadTimeOut(true);
        pool.setTaskDecorator(new MdcPropagation());
        pool.initialize();
        return pool;
    }

    /**
     * Carries the request id (and any other MDC entry) from the thread that hands a task over to the thread that
     * runs it (the servlet's to the route's; the route's to a model reading's).
     */
    public static final class MdcPropagation implements TaskDecorator {
        @Override
        public Runnable decorate(Runnable task) {
            Map<String, String> context = MDC.getCopyOfContextMap();
            return () -> {
                Map<String, String> previous = MDC.getCopyOfContextMap();
                if (context != null) {
                    MDC.setContextMap(context);
                } else {
                    MDC.clear();
                }
                try {
                    task.run();
                } finally {
                    if (previous != null) {
                        MDC.setContextMap(previous);
                    } else {
                        MDC.clear();
                    }
                }
            };
        }
    }
}
