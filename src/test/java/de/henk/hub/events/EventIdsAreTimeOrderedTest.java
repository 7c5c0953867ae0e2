package de.henk.hub.events;

import de.henk.hub.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event ids are UUIDs of version 7 (RFC 9562: time first, then random bits): unique without coordination, and
 * recorded events sort in the order they were recorded, so each new outbox row goes to the end of the primary key
 * instead of a random page of it (a commit then rewrites one B-tree page for its events, not one per event).
 */
class EventIdsAreTimeOrderedTest extends HubTest {

    @Autowired
    DomainEvents events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void idsAreVersionSevenUuidsInTheOrderTheEventsWereRecorded() throws Exception {
        String subject = "test/" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            tx.executeWithoutResult(status -> ids.add(events.record("test.ordered", subject, DomainEvents.data("n", n))));
            Thread.sleep(2);
        }
        for (String id : ids) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).as(id).isEqualTo(7);
            assertThat(uuid.variant()).as(id).isEqualTo(2);
        }
        // as strings, as the outbox's primary key compares them
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}
