package de.henk.hub.crm;

import java.util.List;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads what the retry policy (routeConfiguration {@code crm-outbox-retry-policy}) asks about a failed push: the
 * HTTP status Pipedrive answered, its Retry-After, how long the guard deferred a call. A failure may arrive wrapped
 * (a call made through a ProducerTemplate, a bean expression), so each looks along the cause chain. It decides
 * nothing: the route files do.
 */
@Component("pipedriveFailures")
public class PipedriveFailures {

    /** The HTTP status of Pipedrive's answer, or null when Pipedrive did not answer (timeout, reset, no call). */
    public Integer status(Exception failure) {
        HttpOperationFailedException http = httpFailure(failure);
        return http == null ? null : http.getStatusCode();
    }

    /**
     * How long Pipedrive asked to wait after a 429, in ms (Retry-After, else x-ratelimit-reset, in seconds; at least
     * 1 s), or null when it sent neither as a number (an HTTP date).
     */
    public Long retryAfterMs(Exception failure) {
        HttpOperationFailedException http = httpFailure(failure);
        if (http == null || http.getResponseHeaders() == null) {
            return null;
        }
        for (String name : List.of("Retry-After", "x-ratelimit-reset")) {
            String value = header(http.getResponseHeaders(), name);
            if (value != null) {
                try {
                    return Math.max(1, Long.parseLong(value.trim())) * 1000;
                } catch (NumberFormatException notSeconds) {
                    // an HTTP date: the policy falls back to its back-off
                }
            }
        }
        return null;
    }

    /** How long the guard said to wait before asking again, in ms (a call it did not let through). */
    public long deferredForMs(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PipedriveDeferredException deferred) {
                return deferred.retryIn().toMillis();
            }
        }
        throw new IllegalArgumentException("not a deferred Pipedrive call", failure);
    }

    /**
     * Fails the exchange with this failure as it was: a Pipedrive answer the circuit breaker kept for after it (or
     * the failure it counted), for the caller's error handling.
     */
    public void rethrow(Exception failure) throws Exception {
        throw failure;
    }

    /**
     * A header of Pipedrive's answer by its name in any spelling: HTTP header names are case-insensitive
     * (Retry-After, retry-after, RETRY-AFTER), the map of a failed call's headers is not.
     */
    static String header(java.util.Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (var entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static HttpOperationFailedException httpFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http;
            }
        }
        return null;
    }
}
