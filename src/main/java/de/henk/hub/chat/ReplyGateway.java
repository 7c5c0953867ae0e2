package de.henk.hub.chat;

import de.henk.hub.chat.llm.LlmConcierge;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * {@code direct:chat-reply}: who answers. Without a configured model the offline concierge; with one, the LLM
 * ({@link LlmConcierge}, which throws when it fails or times out) behind the route's circuit breaker, whose
 * {@code offline-fallback} gives the offline reply instead (also while the circuit is open). {@code stream} is the server-sent-events sink of a
 * streamed turn (null for JSON): the reply's pieces go to it as they come.
 */
@Component("chatReplies")
public class ReplyGateway {

    private final LlmConcierge llm;

    public ReplyGateway(LlmConcierge llm) {
        this.llm = llm;
    }

    /** Whether a language model is configured ({@code henk.llm.provider} other than offline). */
    public boolean modelConfigured() {
        return !"offline".equals(llm.provider());
    }

    public ChatTurn offline(ChatTurn turn, ChatStream.Sink stream) {
        return answered(turn, offlineStreamed(turn, stream), "offline");
    }

    public ChatTurn model(ChatTurn turn, ChatStream.Sink stream) throws Exception {
        String offline = turn.answer().offlineReply();
        String reply = stream == null ? llm.reply(turn.turn(), turn.sessionId(), offline)
                : llm.streamReply(turn.turn(), turn.sessionId(), offline, stream::chunk);
        return answered(turn, reply, llm.provider());
    }

    /**
     * The model failed or was not asked (circuit open), or the customer closed the stream: the offline reply;
     * streamed only if none of the model's pieces was shown yet.
     */
    public ChatTurn fallback(ChatTurn turn, ChatStream.Sink stream) {
        return answered(turn, stream != null && stream.shown() ? turn.answer().offlineReply()
                : offlineStreamed(turn, stream), LlmConcierge.FALLBACK);
    }

    private static String offlineStreamed(ChatTurn turn, ChatStream.Sink stream) {
        String offline = turn.answer().offlineReply();
        if (stream != null) {
            streamOffline(offline, stream::chunk);
        }
        return offline;
    }

    /** The offline concierge's reply as a stream: one sentence per piece. */
    static void streamOffline(String offlineReply, Consumer<String> onChunk) {
        for (String piece : offlineReply.split("(?<=[.!?])\\s+")) {
            onChunk.accept(piece + " ");
        }
    }

    private static ChatTurn answered(ChatTurn turn, String reply, String concierge) {
        return turn.with(new ChatTurn.Answer(turn.answer().offlineReply(), reply, concierge, turn.answer().dealId()));
    }
}
