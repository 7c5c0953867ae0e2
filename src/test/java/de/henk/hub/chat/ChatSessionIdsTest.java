package de.henk.hub.chat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session id is the time it was opened (12 hex digits of milliseconds) and 32 random bytes: unguessable, and in
 * the order sessions were opened, so new rows land at the end of the session table's and the message index's B-trees.
 */
class ChatSessionIdsTest {

    @Test
    void anIdIsTheOpeningTimeAndThirtyTwoRandomBytes() {
        long before = System.currentTimeMillis();
        String id = ChatSessions.newId();
        long after = System.currentTimeMillis();
        assertThat(id).hasSize(55).matches("[0-9a-f]{12}[A-Za-z0-9_-]{43}");
        assertThat(Long.parseLong(id.substring(0, 12), 16)).isBetween(before, after);
    }

    @Test
    void idsSortInTheOrderTheSessionsWereOpenedAndNeverRepeat() throws Exception {
        String first = ChatSessions.newId();
        Thread.sleep(2);
        String second = ChatSessions.newId();
        assertThat(first).isLessThan(second);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ChatSessions.newId());
        }
        assertThat(ids).hasSize(10_000);
        // the random part differs even within one millisecond
        assertThat(ids.stream().map(id -> id.substring(12)).distinct().count()).isEqualTo(10_000);
    }
}
