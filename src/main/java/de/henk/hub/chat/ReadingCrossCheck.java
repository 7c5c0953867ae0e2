package de.henk.hub.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code direct:chat-cross-check}: in model-first the model reads the message on a thread of its own while the
 * turn goes on with the rules' reading (so that the reply, the other model call, need not wait for it). Here the
 * model's reading, cross-checked by the rules ({@link MessageReader#crossChecked}), becomes the turn's reading:
 * <ul>
 *   <li>nothing under way (offline, rules-first, a person owns the session, or checked already): the turn as it
 *       is;</li>
 *   <li><b>the same reading</b> as the rules' (the model confirmed them or added nothing, failed, was too slow):
 *       the turn as it is — everything decided on the rules' reading is what would have been decided on it;</li>
 *   <li><b>a different reading before anyone answered</b> (a turn that commits: cloth, a hand-over to sales, a
 *       booking — {@link ChatTurn#commitsBeforeReading}): the turn as it stood right after understanding, with
 *       the cross-checked reading; the route decides phase, fabrics and lead again before it answers;</li>
 *   <li><b>a different reading after the reply</b>: what the customer was told stands — the reply, and the times
 *       the calendar offered (such a turn proposed no cloth and handed nothing to sales); the profile, the phase
 *       and the lead follow the cross-checked reading, and that is what is stored, answered in the response and,
 *       if it qualifies now, handed to sales.</li>
 * </ul>
 * Counted in {@code henk.chat.extraction.beside{outcome}}: {@code confirmed}, {@code decided-again},
 * {@code revised-after-reply}.
 */
@Component("chatCrossCheck")
public class ReadingCrossCheck {

    private final ChatUnderstanding understanding;
    private final PhaseStep phases;
    private final QualifierStep qualifier;
    private final Counter confirmed;
    private final Counter decidedAgain;
    private final Counter revisedAfterReply;

    public ReadingCrossCheck(ChatUnderstanding understanding, PhaseStep phases, QualifierStep qualifier,
                             MeterRegistry metrics) {
        this.understanding = understanding;
        this.phases = phases;
        this.qualifier = qualifier;
        this.confirmed = outcome(metrics, "confirmed");
        this.decidedAgain = outcome(metrics, "decided-again");
        this.revisedAfterReply = outcome(metrics, "revised-after-reply");
    }

    public ChatTurn check(ChatTurn turn) {
        ChatTurn.ModelReading reading = turn.modelReading();
        if (reading == null) {
            return turn;
        }
        ChatTurn.Understood checked = understanding.crossChecked(turn);
        if (checked.learned().equals(turn.understood().learned())) {
            confirmed.increment();
            return turn.with((ChatTurn.ModelReading) null);
        }
        ChatTurn again = reading.understood().with(checked);
        if (turn.answer() == null) {
            decidedAgain.increment();
            return again;
        }
        revisedAfterReply.increment();
        ChatTurn advanced = phases.advance(again);
        // no cloth this turn: the customer was not shown any (the next turn proposes, if the phase says so)
        ChatTurn decided = qualifier.qualify(advanced.with(
                new ChatTurn.Progress(advanced.progress().phase(), false, List.of())));
        return decided.with(decided.state().withSlots(turn.state().offeredSlots(), turn.state().heldSlot()))
                .with(decided.turn().with(turn.turn().appointment()))
                .with(turn.answer());
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder("henk.chat.extraction.beside").tag("outcome", outcome)
                .description("Messages the model read beside the turn (model-first): its cross-checked reading "
                        + "confirmed the rules', was decided on again before the reply, or revised the turn after it")
                .register(metrics);
    }
}
