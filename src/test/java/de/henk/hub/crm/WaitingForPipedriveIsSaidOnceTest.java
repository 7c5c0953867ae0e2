package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.henk.hub.support.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * While the circuit is open or calls pause, the outbox, the webhook events and the reconciliation are held back every
 * few seconds: each says so once when it starts waiting, once when the reason changes, once more per
 * henk.pipedrive.wait-log-interval while it lasts, and once when calls go through again - and every wait is counted.
 */
class WaitingForPipedriveIsSaidOnceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final PipedriveWaits waits = new PipedriveWaits(metrics, clock, Duration.ofMinutes(10));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PipedriveWaits.class);
    private Level levelBefore;

    @BeforeEach
    void captureLog() {
        log.list = new CopyOnWriteArrayList<>();
        log.start();
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
        logger.setLevel(levelBefore);
    }

    @Test
    void anOpenCircuitIsSaidOncePerSourceNotOncePerEntryAndRound() {
        for (int round = 0; round < 50; round++) {
            clock.advance(2000); // the poller's rounds: 100 s in all, well within the interval
            for (int entry = 0; entry < 4; entry++) {
                waits.waiting("outbox", circuitOpen());
            }
            waits.waiting("webhooks", circuitOpen());
        }
        assertThat(lines()).containsExactly(
                "WARN Pipedrive outbox waits (circuit_open): Pipedrive circuit is open - said once while this lasts,"
                        + " again after PT10M (henk.pipedrive.wait-log-interval)",
                "WARN Pipedrive webhooks waits (circuit_open): Pipedrive circuit is open - said once while this lasts,"
                        + " again after PT10M (henk.pipedrive.wait-log-interval)");
        assertThat(counted("outbox", "circuit_open")).isEqualTo(200);
        assertThat(counted("webhooks", "circuit_open")).isEqualTo(50);
    }

    @Test
    void aNewReasonIsSaidAtOnceTheSameOneAgainOnlyAfterTheInterval() {
        waits.waiting("outbox", circuitOpen());
        clock.advance(1000);
        waits.waiting("outbox", paused("unauthorized"));
        waits.waiting("outbox", paused("unauthorized"));
        clock.advance(Duration.ofMinutes(9).toMillis());
        waits.waiting("outbox", paused("unauthorized"));
        assertThat(lines()).hasSize(2);
        clock.advance(Duration.ofMinutes(1).toMillis());
        waits.waiting("outbox", paused("unauthorized"));
        waits.waiting("outbox", paused("unauthorized"));
        assertThat(lines()).hasSize(3);
        assertThat(lines().get(1)).startsWith("WARN Pipedrive outbox waits (unauthorized): Pipedrive calls paused");
        assertThat(lines().get(2)).isEqualTo("WARN Pipedrive outbox still waits (unauthorized) since"
                + " 2026-12-07T08:00:01Z, 4 times: Pipedrive calls paused (unauthorized) until 2026-12-07T08:05:00Z");
        assertThat(counted("outbox", "unauthorized")).isEqualTo(5);
    }

    @Test
    void aCallThatGoesThroughEndsTheWaitOnceAndTheNextWaitIsSaidAgain() {
        waits.waiting("reconciliation", circuitOpen());
        waits.waiting("webhooks", new HttpOperationFailedException("/api/v2/deals/1", 503, "Service Unavailable",
                null, null, ""));
        waits.waiting("webhooks", new RuntimeException(new IOException("Connection refused")));
        waits.resumed();
        waits.resumed(); // every answered call says so: nothing more to say
        assertThat(lines()).hasSize(5).endsWith(
                "INFO Pipedrive reconciliation goes on: calls go through again after circuit_open"
                        + " (since 2026-12-07T08:00:00Z, 1 waits)",
                "INFO Pipedrive webhooks goes on: calls go through again after unreachable"
                        + " (since 2026-12-07T08:00:00Z, 1 waits)");
        assertThat(lines().get(1)).startsWith("WARN Pipedrive webhooks waits (http_503)");

        waits.waiting("reconciliation", circuitOpen());
        assertThat(lines()).hasSize(6);
    }

    @Test
    void onlyWhatMeansWaitingForPipedriveIsTreatedSo() {
        assertThat(PipedriveWaits.meansWaiting(circuitOpen())).isTrue();
        assertThat(PipedriveWaits.meansWaiting(new RuntimeException(new IOException("timeout")))).isTrue();
        assertThat(PipedriveWaits.meansWaiting(http(401))).isTrue();
        assertThat(PipedriveWaits.meansWaiting(http(429))).isTrue();
        assertThat(PipedriveWaits.meansWaiting(http(502))).isTrue();
        assertThat(PipedriveWaits.meansWaiting(http(400))).isFalse();
        assertThat(PipedriveWaits.meansWaiting(new IllegalStateException("a bug"))).isFalse();
    }

    private static PipedriveDeferredException circuitOpen() {
        return new PipedriveDeferredException(PipedriveDeferredException.CIRCUIT_OPEN, "Pipedrive circuit is open",
                Duration.ofSeconds(2));
    }

    private static PipedriveDeferredException paused(String reason) {
        return new PipedriveDeferredException(reason, "Pipedrive calls paused (" + reason + ") until"
                + " 2026-12-07T08:05:00Z", Duration.ofMinutes(5));
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("/api/v2/deals", status, "status " + status, null, null, "");
    }

    private List<String> lines() {
        return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    private double counted(String source, String state) {
        return metrics.counter(PipedriveWaits.METRIC, "source", source, "state", state).count();
    }
}
