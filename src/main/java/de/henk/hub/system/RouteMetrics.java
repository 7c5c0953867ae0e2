package de.henk.hub.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics per Camel route and per endpoint call (camel-micrometer is not available for this Camel
 * version): {@code henk_route_exchanges_seconds{route,outcome}} for every exchange a route started, and
 * {@code henk_endpoint_calls_seconds{endpoint,outcome}} for every send — e.g. each Pipedrive path, with ids
 * folded to {id} so the number of series stays small.
 */
@Component
public class RouteMetrics extends EventNotifierSupport {

    private static final Pattern NUMERIC_SEGMENT = Pattern.compile("/\\d+(?=/|$)");

    private final MeterRegistry registry;

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        // Camel only emits "sent" for a send some notifier accepted as "sending"
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent
                || event instanceof CamelEvent.ExchangeSendingEvent || event instanceof CamelEvent.ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent) {
            Exchange exchange = sent.getExchange();
            Timer.builder("henk.endpoint.calls").description("Calls from routes to endpoints")
                    .tag("endpoint", endpoint(sent.getEndpoint().getEndpointBaseUri(),
                            exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class)))
                    .tag("outcome", exchange.isFailed() ? "failure" : "success")
                    .register(registry).record(Duration.ofMillis(sent.getTimeTaken()));
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent) {
            CamelEvent.ExchangeEvent done = (CamelEvent.ExchangeEvent) event;
            Exchange exchange = done.getExchange();
            String route = exchange.getFromRouteId();
            if (route == null) {
                return;
            }
            Timer.builder("henk.route.exchanges").description("Exchanges started by a route, until completed")
                    .tag("route", route)
                    .tag("outcome", event instanceof CamelEvent.ExchangeFailedEvent ? "failure" : "success")
                    .register(registry).record(Duration.ofMillis(exchange.getClock().elapsed()));
        }
    }

    /** The endpoint without query; for an optimised toD to HTTP, the path it went to (kept in a header). */
    static String endpoint(String uri, String httpPath) {
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        if (httpPath != null && base.startsWith("http")) {
            base = base + (httpPath.startsWith("/") ? "" : "/") + httpPath;
        }
        return NUMERIC_SEGMENT.matcher(base).replaceAll("/{id}");
    }
}
