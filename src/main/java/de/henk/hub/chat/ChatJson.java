package de.henk.hub.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** How a session's profile and conversation state are stored: JSON, tolerant of fields of other hub versions. */
@Component
public class ChatJson {

    private final ObjectMapper json;

    public ChatJson(ObjectMapper json) {
        // stored profiles may come from an older or newer version of the hub: unknown fields are not an error
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ConversationProfile profile(String stored) {
        try {
            return json.readValue(stored, ConversationProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile is not readable", e);
        }
    }

    public ConversationState state(String stored) {
        if (stored == null) {
            return ConversationState.initial();
        }
        try {
            return json.readValue(stored, ConversationState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation state is not readable", e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What HENK learned, as a note for the sales team in Pipedrive. */
    public String note(ConversationProfile profile) {
        StringBuilder note = new StringBuilder("Aus dem Gespräch mit HENK:\n");
        json.valueToTree(profile).fields().forEachRemaining(field -> {
            if (!field.getValue().isNull() && !(field.getValue().isArray() && field.getValue().isEmpty())) {
                note.append("- ").append(field.getKey()).append(": ")
                        .append(field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString())
                        .append('\n');
            }
        });
        return note.toString().strip();
    }
}
