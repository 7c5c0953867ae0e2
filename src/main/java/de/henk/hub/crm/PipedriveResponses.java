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

    public PipedriveResponses(ObjectMapper json, PhoneNumbers phones) {
        this.json = json;
        this.phones = phones;
    }

    /**
     * The person who is the deal's customer (search results may be fuzzy): the same email, or — for a customer
     * known only by phone — the same phone number however it is written. Null when there is none.
     */
    public Long samePerson(String body, Deal deal) {
        for (JsonNode result : read(body).path("data").path("items")) {
            JsonNode person = result.path("item");
            if (deal.email() != null ? has(person.path("emails"), deal.email()::equalsIgnoreCase)
                    : has(person.path("phones"), phone -> phones.same(phone, deal.phone()))) {
                return person.path("id").asLong();
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

    /** A deal this hub already created for the lead (found by origin_id), or null. */
    public Long dealWithOrigin(String body, Deal deal) {
        String origin = PipedriveRequests.originId(deal);
        for (JsonNode candidate : read(body).path("data")) {
            if (origin.equals(candidate.path("origin_id").asText(null))) {
                return candidate.path("id").asLong();
            }
        }
        return null;
    }

    public long id(String body) {
        JsonNode id = read(body).path("data").path("id");
        if (!id.canConvertToLong()) {
            throw new IllegalStateException("Pipedrive answered without data.id");
        }
        return id.asLong();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException("Pipedrive answer is not JSON", e);
        }
    }
}
