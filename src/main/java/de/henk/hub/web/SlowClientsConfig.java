package de.henk.hub.web;

import de.henk.hub.config.HenkProperties;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * How long Tomcat waits for a request body that stalls: {@code henk.http.body-read-timeout} (15 s), instead of the
 * connection timeout of the whole connection. The body is read on a servlet thread ({@link RequestBodyLimitFilter});
 * a client that sent its headers and then nothing held that thread for as long as Tomcat waited, and a couple of
 * hundred such clients (slowloris) held every thread. The connection's other timeouts and limits are Spring Boot's
 * {@code server.tomcat.*} (application.yml: connection-timeout, keep-alive-timeout, max-connections, threads).
 */
@Configuration(proxyBeanMethods = false)
public class SlowClientsConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final HenkProperties properties;

    public SlowClientsConfig(HenkProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        long millis = Math.max(1, properties.http().bodyReadTimeout().toMillis());
        factory.addConnectorCustomizers(connector -> {
            // Tomcat's upload timeout: the read timeout while a request body is being read (false = it is on)
            connector.setProperty("disableUploadTimeout", "false");
            connector.setProperty("connectionUploadTimeout", String.valueOf(Math.min(millis, Integer.MAX_VALUE)));
        });
        factory.addContextValves(new StopReadingATimedOutBody());
    }

    /**
     * After a 408 for a body that ran out of time, Tomcat would read and discard the rest of it (up to
     * server.tomcat.max-swallow-size) before closing: a client trickling a byte now and then kept the thread that
     * long after all. For such a request the rest is not read; the connection closes once the 408 is sent.
     */
    static final class StopReadingATimedOutBody extends ValveBase {

        StopReadingATimedOutBody() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            try {
                getNext().invoke(request, response);
            } finally {
                if (request.getAttribute(RequestBodyLimitFilter.TIMED_OUT) != null) {
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        }
    }
}
