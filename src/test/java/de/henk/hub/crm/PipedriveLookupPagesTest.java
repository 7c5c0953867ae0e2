package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lookup follows additional_data.next_cursor until a page settles it, the pages end, or its page limit. */
class PipedriveLookupPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Finds the first page whose data holds the id 7; counts the pages it saw. */
    private static final class Seven implements PipedriveLookups.Pages {
        final List<JsonNode> seen = new ArrayList<>();
        Long found;

        @Override
        public boolean read(JsonNode page) {
            seen.add(page);
            for (JsonNode item : page.path("data")) {
                if (item.path("id").asLong() == 7) {
                    found = 7L;
                }
            }
            return found != null;
        }

        @Override
        public Long found() {
            return found;
        }
    }

    @Test
    void followsTheCursorsUntilAPageSettlesIt() throws Exception {
        Seven pages = new Seven();
        PipedriveLookups.Lookup lookup = new PipedriveLookups.Lookup("seven", "term=x&limit=2", 10, pages, "none");
        assertThat(lookup.hasMorePages()).isTrue();
        assertThat(lookup.query()).isEqualTo("term=x&limit=2");
        lookup.read(page("[{\"id\":1},{\"id\":2}]", "eyJvZmZzZXQiOjJ9+/="));
        assertThat(lookup.hasMorePages()).isTrue();
        // the cursor is opaque: it goes back exactly as given, URL-encoded
        assertThat(lookup.query()).isEqualTo("term=x&limit=2&cursor=eyJvZmZzZXQiOjJ9%2B%2F%3D");
        lookup.read(page("[{\"id\":3},{\"id\":7}]", "c3"));
        assertThat(lookup.hasMorePages()).isFalse();
        assertThat(lookup.found()).isEqualTo(7L);
        assertThat(lookup.pagesRead()).isEqualTo(2);
        assertThat(lookup.cutShort()).isFalse();
        assertThatThrownBy(() -> lookup.read(page("[]", null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLastPageIsTheOneWithoutACursor() throws Exception {
        for (String last : new String[] {
                "{\"success\":true,\"data\":[{\"id\":1}],\"additional_data\":{\"next_cursor\":null}}",
                "{\"success\":true,\"data\":[{\"id\":1}],\"additional_data\":{\"next_cursor\":\"\"}}",
                "{\"success\":true,\"data\":[{\"id\":1}],\"additional_data\":{}}",
                "{\"success\":true,\"data\":[{\"id\":1}]}"}) {
            PipedriveLookups.Lookup lookup = new PipedriveLookups.Lookup("seven", "q=1", 10, new Seven(), "none");
            lookup.read(JSON.readTree(last));
            assertThat(lookup.hasMorePages()).as(last).isFalse();
            assertThat(lookup.found()).isNull();
            assertThat(lookup.cutShort()).isFalse();
        }
    }

    @Test
    void stopsAtItsPageLimitWithWhatThosePagesHeld() throws Exception {
        Seven pages = new Seven();
        PipedriveLookups.Lookup lookup = new PipedriveLookups.Lookup("seven", "q=1", 3, pages, "none");
        int calls = 0;
        while (lookup.hasMorePages()) {
            lookup.read(page("[{\"id\":" + (100 + calls) + "}]", "next-" + calls));
            calls++;
        }
        assertThat(calls).isEqualTo(3);
        assertThat(lookup.cutShort()).isTrue();
        assertThat(lookup.found()).isNull();
    }

    private static JsonNode page(String data, String nextCursor) throws Exception {
        return JSON.readTree("{\"success\":true,\"data\":" + data + ",\"additional_data\":{\"next_cursor\":"
                + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}}");
    }
}
