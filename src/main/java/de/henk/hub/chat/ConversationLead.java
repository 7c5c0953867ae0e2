package de.henk.hub.chat;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lead the conversation qualified, as the body sent to {@code direct:crm-accept-lead} — the route
 * {@code POST /api/crm/lead} uses too. {@code opportunityKey} keeps it to one lead per opportunity; one of
 * {@code email} and {@code phone} is always given; {@code userId} is null for an anonymous customer.
 * {@code namePlaceholder}: the customer gave no name and the account has none, so {@code name} is one the hub made
 * up (the email's local part, "Chat-Kunde") - a name the customer gives later replaces it.
 */
public record ConversationLead(String userId, String sessionId, String opportunityKey, String name,
                               boolean namePlaceholder, String email, String phone, String dealTitle,
                               BigDecimal dealValue, LocalDate expectedCloseDate, String conversationNote) {

    /** A lead whose {@code name} the customer or the account gave. */
    public ConversationLead(String userId, String sessionId, String opportunityKey, String name, String email,
                            String phone, String dealTitle, BigDecimal dealValue, LocalDate expectedCloseDate,
                            String conversationNote) {
        this(userId, sessionId, opportunityKey, name, false, email, phone, dealTitle, dealValue, expectedCloseDate,
                conversationNote);
    }
}
