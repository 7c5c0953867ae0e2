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

    public PipedriveResponses(ObjectMapper json) {
        this.json = json;
    }

    /** The person whose email is exactly the deal's email (search results may be fuzzy), or null. */
    public Long personWithEmail(String body, Deal deal) {
        for (JsonNode result : read(body).path("data").path("items")) {
            JsonNode person = result.path("item");
            for (JsonNode email : person.path("emails")) {
                String value = email.isTextual() ? email.asText() : email.path("value").asText();
                if (value.equalsIgnoreCase(deal.email())) {
                    return person.path("id").asLong();
                }
            }
        }
        return null;
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
