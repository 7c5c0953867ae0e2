package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a failed push leads to is decided in routes/crm-outbox.camel.yaml (routeConfiguration
 * crm-outbox-retry-policy), with its numbers from henk.crm.outbox.* settings — here deliberately not the shipped
 * ones (3 attempts, 409 permanent), to show that the route file and the configuration decide, not Java. The route file
 * runs as it is; the outbox bean, the guard and the Pipedrive operation are stand-ins that record what they are told.
 */
class FailedPushesFollowTheRetryPolicyInTheRouteFileTest {

    private CamelContext camel;
    private final Outbox outbox = new Outbox();
    private final Guard guard = new Guard();
    private final AtomicInteger pipedriveCalls = new AtomicInteger();

    @BeforeEach
    void startTheOutboxRoutes() throws Exception {
        camel = new DefaultCamelContext();
        Properties settings = new Properties();
        settings.put("henk.crm.outbox.poll-interval", "1h");
        settings.put("henk.crm.outbox.max-attempts", "3");
        settings.put("henk.crm.outbox.base-backoff", "1s");
        settings.put("henk.crm.outbox.max-backoff", "8s");
        settings.put("henk.crm.outbox.permanent-statuses", "400,409");
        camel.getPropertiesComponent().setInitialProperties(settings);
        camel.getRegistry().bind("crmOutbox", outbox);
        camel.getRegistry().bind("pipedriveGuard", guard);
        camel.getRegistry().bind("crmSync", new Sync());
        camel.getRegistry().bind("crmStore", new Store());
        camel.getRegistry().bind("pipedriveFailures", new PipedriveFailures());
        camel.getRegistry().bind("pipedriveWaits", new PipedriveWaits(null, java.time.Clock.systemUTC(),
                Duration.ofMinutes(10)));
        camel.getRegistry().bind("retryBackoff", new RetryBackoff());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pipedrive-create-lead").routeId("pipedrive-create-lead-stand-in")
                        .errorHandler(noErrorHandler()).process(exchange -> {
                            pipedriveCalls.incrementAndGet();
                            Exception failure = exchange.getVariable("failure", Exception.class);
                            if (failure != null) {
                                throw failure;
                            }
                        });
            }
        });
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("crm-outbox.camel.yaml",
                Files.readString(Path.of("routes/crm-outbox.camel.yaml"))));
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aConfiguredPermanentStatusIsADeadLetterAtOnce() {
        push(entry(0), http(409, Map.of()));
        assertThat(outbox.calls).containsExactly("deadLetter 1 HTTP 409");
        assertThat(guard.told).hasSize(1);
    }

    @Test
    void aRefusalArrivingWrappedIsRecognisedToo() {
        push(entry(0), new CamelExecutionException("stages", null, new RuntimeException(http(400, Map.of()))));
        assertThat(outbox.calls).containsExactly("deadLetter 1 HTTP 400");
    }

    @Test
    void aRateLimitIsRetriedWhenPipedriveSaid() {
        push(entry(0), http(429, Map.of("retry-after", "7")));
        assertThat(outbox.calls).containsExactly("retryLater 1 HTTP 429");
        assertThat(outbox.lastDelay).isEqualTo(7000L);
        assertThat(guard.told).hasSize(1);
    }

    @Test
    void aRateLimitWithoutSecondsBacksOff() {
        push(entry(1), http(429, Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")));
        assertThat(outbox.calls).containsExactly("retryLater 2 HTTP 429");
        assertThat(outbox.lastDelay).isBetween(1000L, 2000L); // second attempt: base doubled, upper half
    }

    @Test
    void serverErrorsAndTimeoutsBackOffWithJitterUpToTheLastAttempt() {
        push(entry(0), http(503, Map.of()));
        assertThat(outbox.lastDelay).isBetween(500L, 1000L);
        push(entry(1), new SocketTimeoutException("Read timed out"));
        assertThat(outbox.lastDelay).isBetween(1000L, 2000L);
        push(entry(2), http(500, Map.of()));
        assertThat(outbox.calls).containsExactly("retryLater 1 HTTP 503", "retryLater 2 SocketTimeoutException",
                "deadLetter 3 HTTP 500");
        assertThat(guard.told).hasSize(3);
    }

    @Test
    void theBackOffStopsGrowingAtTheMaximum() {
        push(entry(0), new IllegalStateException("Deal 1 does not exist in Pipedrive yet"));
        push(entry(1), new IllegalStateException("Deal 1 does not exist in Pipedrive yet"));
        assertThat(outbox.lastDelay).isLessThanOrEqualTo(8000L);
        assertThat(new RetryBackoff().jitteredMs(12, "1s", "8s")).isBetween(4000L, 8000L);
    }

    @Test
    void aCallTheGuardHeldBackIsDeferredWithoutCountingAnAttempt() {
        push(entry(2), new RuntimeException(new PipedriveDeferredException("circuit open", Duration.ofSeconds(2))));
        assertThat(outbox.calls).containsExactly("defer 2000");
        assertThat(guard.told).as("Pipedrive was not called").isEmpty();
    }

    @Test
    void aRefusedTokenOrAccountDefersTheEntryUntilThePauseEndsWithoutCountingAnAttempt() {
        guard.pausedForMs = 4000;
        push(entry(2), http(401, Map.of()));
        push(entry(2), new RuntimeException(http(402, Map.of())));
        assertThat(outbox.calls).as("on the last attempt too: no dead letter").containsExactly("defer 4000",
                "defer 4000");
        assertThat(guard.told).as("pipedrive-call paused the calls when the answer came").isEmpty();
    }

    @Test
    void camelRedeliversNothingTheDatabaseScheduleDoes() {
        push(entry(0), http(503, Map.of()));
        assertThat(pipedriveCalls).hasValue(1);
    }

    @Test
    void aPushThatWentThroughIsDone() {
        push(entry(0), null);
        assertThat(outbox.calls).containsExactly("completed 1");
    }

    private void push(OutboxEntry entry, Exception failure) {
        Exchange exchange = camel.createProducerTemplate().send("direct:crm-outbox-push", sent -> {
            sent.setVariable("failure", failure);
            sent.getMessage().setBody(entry);
        });
        assertThat(exchange.getException()).as("a failure never escapes the push").isNull();
    }

    private static OutboxEntry entry(int attemptsBefore) {
        return new OutboxEntry(1, 1, OutboxEntry.CREATE_DEAL, "{}", attemptsBefore);
    }

    private static HttpOperationFailedException http(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("http://pipedrive/api/v2/deals", status, "status " + status, null,
                headers, "{\"success\":false}");
    }

    private static String describe(Exception failure) {
        HttpOperationFailedException http = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException found) {
                http = found;
                break;
            }
        }
        return http != null ? "HTTP " + http.getStatusCode() : failure.getClass().getSimpleName();
    }

    /** Records the outcome the route decided, as CrmOutbox would persist it. */
    public static class Outbox {
        final List<String> calls = new ArrayList<>();
        Long lastDelay;

        public List<OutboxEntry> claimDue() {
            return List.of();
        }

        public OutboxEntry claimNextForDeal(long dealId) {
            return null;
        }

        public void completed(OutboxEntry entry) {
            calls.add("completed " + entry.attempt());
        }

        public void defer(OutboxEntry entry, long delayMs) {
            calls.add("defer " + delayMs);
        }

        public void retryLater(OutboxEntry entry, Exception failure, long delayMs) {
            lastDelay = delayMs;
            calls.add("retryLater " + entry.attempt() + " " + describe(failure));
        }

        public void deadLetter(OutboxEntry entry, Exception failure) {
            calls.add("deadLetter " + entry.attempt() + " " + describe(failure));
        }
    }

    public static class Guard {
        final List<Exception> told = new ArrayList<>();
        long pausedForMs = 1000;

        public void failed(Exception failure) {
            told.add(failure);
        }

        /** How long calls still pause after Pipedrive refused the token or the account. */
        public long pausedForMs() {
            return pausedForMs;
        }

        /** crm-sync-now asks for a lead's budget; with inline sync off (Sync below) it never does. */
        public Object reserveForInline() {
            return null;
        }
    }

    public static class Sync {
        public boolean enabled() {
            return false;
        }

        public boolean inlineEnabled() {
            return false;
        }
    }

    public static class Store {
        public Deal deal(long id) {
            return null;
        }
    }
}
