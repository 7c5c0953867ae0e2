package de.henk.hub.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/chat} body; {@code session_id} is null on the first turn. Length limits are checked in {@link ChatSessionStore}. */
public record ChatRequest(@NotBlank String message, @Size(max = 64) String sessionId) { }
