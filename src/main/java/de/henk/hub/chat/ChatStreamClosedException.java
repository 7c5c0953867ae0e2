package de.henk.hub.chat;

/**
 * The customer closed the stream of a streamed turn (the page, the tab, the connection). It says nothing about the
 * language model: the reply's circuit breaker in routes/chat.camel.yaml ignores it ({@code ignoreException}).
 */
public class ChatStreamClosedException extends RuntimeException {

    public ChatStreamClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
