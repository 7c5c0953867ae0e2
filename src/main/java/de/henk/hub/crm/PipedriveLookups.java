package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.config.HenkProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lookups in Pipedrive that read its answer page by page: API v2's lists and searches give at most {@code limit}
 * entries a page and the cursor of the next one in {@code additional_data.next_cursor} (null on the last page), so
 * an account with many similar entries can have the one looked for on page 2 or later. A route keeps the lookup in
 * a variable and loops while {@link Lookup#hasMorePages()}: it calls Pipedrive with {@link Lookup#query()} and hands
 * the answer to {@link #read}; then {@link Lookup#found()} is the id found, or null.
 * <p>
 * A lookup stops at the page that settles it, at the last page, or after {@code henk.pipedrive.lookup-max-pages}
 * pages, so an account with thousands of near matches cannot hold a lead's sync (or the request budget) for long.
 * What the pages read did not find counts as not there, with a WARN: a lead then gets a person (or deal) of its own
 * - a duplicate the sales team can merge - rather than wait for a lookup that would end the same way every time.
 */
@Component("pipedriveLookups")
public class PipedriveLookups {

    private static final Logger log = LoggerFactory.getLogger(PipedriveLookups.class);

    private final ObjectMapper json;
    private final PipedriveRequests requests;
    private final PipedriveResponses responses;
    private final int maxPages;

    public PipedriveLookups(ObjectMapper json, PipedriveRequests requests, PipedriveResponses responses,
                            HenkProperties properties) {
        this.json = json;
        this.requests = requests;
        this.responses = responses;
        this.maxPages = properties.pipedrive().lookupMaxPages();
    }

    /**
     * The Pipedrive person of a lead: GET /api/v2/persons/search by exact email or by phone
     * ({@link PipedriveRequests#personSearchQuery}); the first item that is the same person
     * ({@link PipedriveResponses#samePerson}) settles it.
     */
    public Lookup person(Deal deal) {
        return new Lookup("the Pipedrive person of deal " + deal.id(), requests.personSearchQuery(deal), maxPages,
                new Pages() {
                    private Long person;

                    @Override
                    public boolean read(JsonNode page) {
                        person = responses.samePerson(page, deal);
                        return person != null;
                    }

                    @Override
                    public Long found() {
                        return person;
                    }
                }, "so the lead gets a new person");
    }

    /**
     * The deal an earlier attempt of the lead created and did not live to record (a crash, a timeout after Pipedrive
     * stored it): GET /api/v2/deals of the person, newest first, read as {@link PipedriveResponses#earlierDeal} says
     * - settled by the deal with the lead's origin_id, or by a page that reaches deals older than the lead.
     */
    public Lookup earlierDeal(Long personId, Deal deal) {
        return new Lookup("the Pipedrive deal an earlier attempt of deal " + deal.id() + " created",
                requests.dealsOfPersonQuery(personId), maxPages, responses.earlierDeal(deal),
                "so the lead gets a new deal");
    }

    /** One page of the lookup's answer, as Pipedrive gave it. */
    public void read(String body, Lookup lookup) {
        try {
            lookup.read(json.readTree(body == null ? "{}" : body));
        } catch (IOException e) {
            throw new UncheckedIOException("Pipedrive answer is not JSON", e);
        }
    }

    /** What a lookup makes of its pages. */
    interface Pages {
        /** Reads one page; true when it settled the lookup (no later page can change what it found). */
        boolean read(JsonNode page);

        /** What the pages read so far found: a Pipedrive id, or null. */
        Long found();
    }

    /** One lookup under way: the page it is on and what it found. A route's variable, one exchange's. */
    public static final class Lookup {
        private final String what;
        private final String query;
        private final int maxPages;
        private final Pages pages;
        private final String whenNotFound;
        private String cursor;
        private int pagesRead;
        private boolean done;
        private boolean cutShort;

        Lookup(String what, String query, int maxPages, Pages pages, String whenNotFound) {
            this.what = what;
            this.query = query;
            this.maxPages = maxPages;
            this.pages = pages;
            this.whenNotFound = whenNotFound;
        }

        /** True until a page settled the lookup, the last page was read, or the pages allowed were. */
        public boolean hasMorePages() {
            return !done;
        }

        /** The query string of the next page: the lookup's own, and the cursor Pipedrive gave for it. */
        public String query() {
            return cursor == null ? query : query + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        }

        /** The id found, or null. */
        public Long found() {
            return pages.found();
        }

        public int pagesRead() {
            return pagesRead;
        }

        /** Whether the lookup stopped at its page limit with more pages left unread. */
        public boolean cutShort() {
            return cutShort;
        }

        void read(JsonNode page) {
            if (done) {
                throw new IllegalStateException("the lookup of " + what + " is done");
            }
            pagesRead++;
            boolean settled = pages.read(page);
            JsonNode next = page.path("additional_data").path("next_cursor");
            cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            if (settled || cursor == null) {
                done = true;
            } else if (pagesRead >= maxPages) {
                done = true;
                cutShort = true;
                log.warn("Looked for {} on {} pages of Pipedrive's answer, the most henk.pipedrive.lookup-max-pages"
                        + " allows, and more pages are left unread: {}", what, pagesRead,
                        found() == null ? "not found, " + whenNotFound : "took " + found() + ", the best of those pages");
            }
        }

        @Override
        public String toString() {
            return "Lookup[" + what + ", " + pagesRead + " pages read" + (done ? ", done" : "") + "]";
        }
    }
}
