package de.henk.hub.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The chat response's {@code lead}: {@code status} is {@code none} (nothing serious yet), {@code qualified}
 * (serious, but HENK still needs an email address to hand it over), {@code created} (handed to the sales team:
 * {@code deal_id}) or {@code declined} (the customer said no); {@code score} 0–100 and its reasons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadStatus(String status, int score, List<String> reasons, Long dealId,
                         @JsonIgnore boolean createdNow) {

    public static LeadStatus none() {
        return new LeadStatus("none", 0, List.of(), null, false);
    }

    @JsonIgnore
    public boolean created() {
        return dealId != null;
    }
}
