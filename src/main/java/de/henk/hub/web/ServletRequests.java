package de.henk.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/** The servlet request behind a platform-http exchange, when there is one. */
public final class ServletRequests {

    private ServletRequests() { }

    public static Optional<HttpServletRequest> of(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage message) {
            return Optional.ofNullable(message.getRequest());
        }
        return Optional.ofNullable(exchange.getIn().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class));
    }
}
