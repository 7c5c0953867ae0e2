package de.henk.hub.chat.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Between the model's streaming thread and the customer's response. The pieces arrive on the HTTP client's
 * thread; they are forwarded only while {@link LlmConcierge#streamReply} still waits for the model. Once it has stopped waiting
 * (a failure or the timeout, after which the caller writes its final event and ends the response), a late piece
 * is dropped and cancels the model's stream — instead of being written after that event, or into it at the same
 * moment, while the model goes on generating tokens nobody reads. When the reader fails (the customer closed the
 * stream), forwarding stops the same way and the wait ends with the reader's failure, which {@link #readerFailure()}
 * tells apart from the model's: it says nothing about the model.
 */
final class Relay {
    private final Consumer<String> onChunk;
    private final StringBuilder streamed = new StringBuilder();
    private boolean open = true;
    private StreamingHandle handle;
    private RuntimeException readerFailure;

    Relay(Consumer<String> onChunk) {
        this.onChunk = onChunk;
    }

    StreamingChatResponseHandler handler(CompletableFuture<ChatResponse> done) {
        return new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                forward(partial.text(), context.streamingHandle(), done);
            }

            @Override
            public void onPartialResponse(String partial) {
                forward(partial, null, done);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        };
    }

    private synchronized void forward(String piece, StreamingHandle current, CompletableFuture<ChatResponse> done) {
        if (current != null) {
            handle = current;
        }
        if (!open) {
            cancel();
            return;
        }
        try {
            onChunk.accept(piece);
        } catch (RuntimeException readerGone) {
            readerFailure = readerGone;
            open = false;
            cancel();
            done.completeExceptionally(readerGone);
            return;
        }
        streamed.append(piece);
    }

    /** Why the reader stopped taking pieces (the customer closed the stream), or null: then the model failed. */
    synchronized RuntimeException readerFailure() {
        return readerFailure;
    }

    synchronized String streamed() {
        return streamed.toString();
    }

    /** Stops forwarding (and cancels the model's stream when it did not finish); true if a piece was shown. */
    synchronized boolean close(boolean cancel) {
        open = false;
        if (cancel) {
            cancel();
        }
        return streamed.length() > 0;
    }

    private void cancel() {
        if (handle != null && !handle.isCancelled()) {
            handle.cancel();
        }
    }
}
