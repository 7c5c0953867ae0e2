package de.henk.hub.chat;

/** One chat turn's answer. */
public record ChatResponse(String sessionId, String reply, String phase, ConversationProfile profile,
                           String concierge) { }
