package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Reads what the pipedrive routes need out of Pipedrive's {success, data, additional_data} envelope. */
@Component("pipedriveResponses")
public class PipedriveResponses {

    private final ObjectMapper json;
    private final PhoneNumbers phones;
    private final CrmStore store;

    public PipedriveResponses(ObjectMapper json, PhoneNumbers phones, CrmStore store) {
        this.json = json;
        this.phones = phones;
        this.store = store;
    }

    /**
     * The person who is the deal's customer (search results may be fuzzy): the same email, or — for a customer
     * known only by phone — the same phone number however it is written. Null when there is none. A search item
     * may come without its emails (the field is optional): the email search asks for exact matches only, so such an
     * item is the person.
     */
    public Long samePerson(String body, Deal deal) {
        return samePerson(read(body), deal);
    }

    /** {@link #samePerson(String, Deal)} on one page of GET /api/v2/persons/search, read already. */
    public Long samePerson(JsonNode page, Deal deal) {
        for (JsonNode result : page.path("data").path("items")) {
            JsonNode person = result.path("item");
            Long id = number(person.path("id"));
            if (id == null) {
                continue;
            }
            if (deal.email() != null) {
                JsonNode emails = person.path("emails");
                if (emails.isMissingNode() || emails.isNull() || has(emails, deal.email()::equalsIgnoreCase)) {
                    return id;
                }
            } else if (has(person.path("phones"), phone -> phones.same(phone, deal.phone()))) {
                return id;
            }
        }
        return null;
    }

    /** Search items list emails and phones as strings; person objects as {value, primary, label}. */
    private static boolean has(JsonNode values, java.util.function.Predicate<String> matches) {
        for (JsonNode value : values) {
            if (matches.test(value.isTextual() ? value.asText() : value.path("value").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the pages of the lead's person's deals, newest first ({@link PipedriveRequests#dealsOfPersonQuery}), for
     * a deal this hub already created for the lead: the deal with this hub deal's origin_id. A Pipedrive that does
     * not keep origin_id (refused or dropped: it is not in every description of "add a deal") leaves the person's
     * deals without one; then it is the deal the API created with this title since the hub deal came to be (ten
     * minutes of clock difference allowed) that no other hub deal is already - the earliest if several.
     */
    PipedriveLookups.Pages earlierDeal(Deal deal) {
        return new EarlierDeal(deal);
    }

    /** The pages of {@link #earlierDeal}: what they found so far, and whether a later page could change it. */
    private final class EarlierDeal implements PipedriveLookups.Pages {
        private final Deal deal;
        private final String origin;
        /** No deal added before this can be the lead's (null: the hub deal's age is not known). */
        private final java.time.OffsetDateTime since;
        private Long withOrigin;
        private Long earliest;
        private java.time.OffsetDateTime lastAdded;
        private boolean newestFirst = true;

        EarlierDeal(Deal deal) {
            this.deal = deal;
            this.origin = PipedriveRequests.originId(deal);
            this.since = deal.createdAt() == null ? null : deal.createdAt().minusMinutes(10);
        }

        @Override
        public boolean read(JsonNode page) {
            for (JsonNode candidate : page.path("data")) {
                Long id = number(candidate.path("id"));
                if (id == null) {
                    continue;
                }
                if (origin.equals(candidate.path("origin_id").asText(null))) {
                    withOrigin = id;
                    return true;
                }
                if ((earliest == null || id < earliest) && createdForThisLead(candidate, deal) && !store.isMirrored(id)) {
                    earliest = id;
                }
                java.time.OffsetDateTime added = DealMirror.parse(candidate.path("add_time").asText(null));
                // the pages are newest first only as long as they say so: else every page is read
                newestFirst &= added != null && (lastAdded == null || !added.isAfter(lastAdded));
                lastAdded = added;
            }
            // newest first: once a page ends with a deal added before the hub deal came to be, every later page holds
            // only older ones - none an earlier attempt of this lead created
            return newestFirst && since != null && lastAdded != null && lastAdded.isBefore(since);
        }

        @Override
        public Long found() {
            return withOrigin != null ? withOrigin : earliest;
        }
    }

    private static boolean createdForThisLead(JsonNode candidate, Deal deal) {
        String origin = candidate.path("origin_id").asText("");
        String source = candidate.path("origin").asText("API");
        if (!origin.isBlank() || !"API".equalsIgnoreCase(source) || candidate.path("is_deleted").asBoolean(false)
                || !java.util.Objects.equals(candidate.path("title").asText(null), deal.title())) {
            return false;
        }
        java.time.OffsetDateTime added = DealMirror.parse(candidate.path("add_time").asText(null));
        return added == null || deal.createdAt() == null || !added.isBefore(deal.createdAt().minusMinutes(10));
    }

    public long id(String body) {
        Long id = number(read(body).path("data").path("id"));
        if (id == null) {
            throw new IllegalStateException("Pipedrive answered without data.id");
        }
        return id;
    }

    /** An id as Pipedrive gives it: a number, or (some clients and proxies) its digits as text; else null. */
    public static Long number(JsonNode id) {
        if (id.isNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        if (id.isTextual() && id.asText().strip().matches("\\d{1,18}")) {
            return Long.valueOf(id.asText().strip());
        }
        return null;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException("Pipedrive answer is not JSON", e);
        }
    }
}
