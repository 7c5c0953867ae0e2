package de.henk.hub.system;

import de.henk.hub.config.HenkProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics per Camel route and per endpoint call (camel-micrometer is not available for this Camel
 * version): {@code henk_route_exchanges_seconds{route,outcome}} for every exchange a route started, and
 * {@code henk_endpoint_calls_seconds{endpoint,outcome}} for every send — e.g. each Pipedrive path, with ids
 * folded to {id} so the number of series stays small. {@code outcome} is {@code success}, {@code client_error},
 * {@code server_error} (by the HTTP status an API route answered or an HTTP call got) or {@code failure} (an
 * exception nobody handled). Each call to Pipedrive is also counted in {@code henk_pipedrive_calls_total}.
 */
@Component
public class RouteMetrics extends EventNotifierSupport {

    private static final Pattern NUMERIC_SEGMENT = Pattern.compile("/\\d+(?=/|$)");

    private final MeterRegistry registry;
    /** Timers by name, tag and outcome: looked up once, not built and registered again for every send. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final BusinessMetrics business;
    private final String pipedriveHost;

    public RouteMetrics(MeterRegistry registry, BusinessMetrics business, HenkProperties properties) {
        this.registry = registry;
        this.business = business;
        this.pipedriveHost = hostOf(properties.pipedrive().baseUrl());
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
            String uri = sent.getEndpoint().getEndpointBaseUri();
            boolean http = uri.startsWith("http");
            Integer status = http ? status(exchange) : null;
            String endpoint = endpoint(uri, http ? exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class) : null);
            timer("henk.endpoint.calls", "Calls from routes to endpoints", "endpoint", endpoint,
                    outcome(exchange.isFailed() && status == null, status)).record(Duration.ofMillis(sent.getTimeTaken()));
            if (http && pipedriveHost != null && pipedriveHost.equals(hostOf(uri))) {
                business.pipedriveCall(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "GET", String.class),
                        status == null ? "io_error" : String.valueOf(status));
            }
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent) {
            CamelEvent.ExchangeEvent done = (CamelEvent.ExchangeEvent) event;
            Exchange exchange = done.getExchange();
            String route = exchange.getFromRouteId();
            if (route == null) {
                return;
            }
            timer("henk.route.exchanges", "Exchanges started by a route, until completed", "route", route,
                    outcome(event instanceof CamelEvent.ExchangeFailedEvent, servedStatus(exchange)))
                    .record(Duration.ofMillis(exchange.getClock().elapsed()));
        }
    }

    private Timer timer(String name, String description, String tag, String value, String outcome) {
        return timers.computeIfAbsent(name + '\n' + value + '\n' + outcome, key -> Timer.builder(name)
                .description(description).tag(tag, value).tag("outcome", outcome).register(registry));
    }

    /**
     * {@code failure} for an exchange that failed, else by the HTTP status where there is one: {@code success}
     * below 400, {@code client_error} for 4xx (bad input, 401, 429…), {@code server_error} for 5xx.
     */
    static String outcome(boolean failed, Integer status) {
        if (failed) {
            return "failure";
        }
        if (status == null || status < 400) {
            return "success";
        }
        return status < 500 ? "client_error" : "server_error";
    }

    /** The status a route that serves HTTP answered with (other routes may carry a status of a call they made). */
    private static Integer servedStatus(Exchange exchange) {
        var from = exchange.getFromEndpoint();
        String uri = from == null ? "" : from.getEndpointUri();
        if (!uri.startsWith("platform-http") && !uri.startsWith("rest")) {
            return null;
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status == null ? 200 : status;
    }

    /** The status an HTTP call came back with: the failure's status code, none for an I/O error, else the header. */
    private static Integer status(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure instanceof org.apache.camel.http.base.HttpOperationFailedException failed) {
            return failed.getStatusCode();
        }
        if (failure != null) {
            return null;
        }
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static String hostOf(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String rest = uri.replaceFirst("^[a-z]+:(//)?", "");
        int end = rest.indexOf('/');
        return (end < 0 ? rest : rest.substring(0, end)).toLowerCase(java.util.Locale.ROOT);
    }

    /** The endpoint without query; for an optimised toD to HTTP, the path it went to (kept in a header). */
    static String endpoint(String uri, String httpPath) {
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        if (httpPath != null && base.startsWith("http")) {
            base = base + (httpPath.startsWith("/") ? "" : "/") + httpPath;
        }
        return base.chars().anyMatch(Character::isDigit) ? NUMERIC_SEGMENT.matcher(base).replaceAll("/{id}") : base;
    }
}
