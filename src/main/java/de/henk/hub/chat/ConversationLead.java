package de.henk.hub.chat;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lead the conversation qualified, as the body sent to {@code direct:crm-accept-lead} — the route
 * {@code POST /api/crm/lead} uses too. {@code opportunityKey} keeps it to one lead per opportunity; one of
 * {@code email} and {@code phone} is always given; {@code userId} is null for an anonymous customer.
 */
public record ConversationLead(String userId, String sessionId, String opportunityKey, String name, String email,
                               String phone, String dealTitle, BigDecimal dealValue, LocalDate expectedCloseDate,
                               String conversationNote) { }
