package de.henk.hub.chat;

import de.henk.hub.catalog.FabricHit;
import java.util.List;

/**
 * One chat turn's answer. {@code concierge} says who answered: {@code offline}, the LLM provider
 * ({@code openai}, {@code anthropic}), or {@code offline-fallback} when the LLM failed or was too slow.
 * {@code recommendations} are the fabrics proposed this turn (empty otherwise); {@code appointment} is what happened
 * with the atelier's calendar this turn (times offered, a booking), null when nothing did.
 */
public record ChatResponse(String sessionId, String reply, String phase, ConversationProfile profile,
                           String concierge, List<FabricHit> recommendations, LeadStatus lead,
                           ChatAppointment appointment) { }
