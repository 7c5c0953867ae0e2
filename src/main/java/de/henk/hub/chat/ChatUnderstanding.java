package de.henk.hub.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code direct:chat-understand}: what the message says — the shop facts and small talk it asks for, and its
 * profile facts as read by the {@link MessageReader} (the rules, or a configured model cross-checked by the
 * rules; never the model while a person owns the session). A cloth picked from the last proposal ("der zweite")
 * is read here too, and an event dated nearer than the shop's lead time gets the honest word ({@link LeadTimeNotice}). Nothing is stored. In model-first the model's reading is started here and the turn goes on
 * with the rules' reading ({@link ChatTurn.ModelReading}); {@link #crossChecked} gives the reading it then takes.
 */
@Component("chatUnderstanding")
public class ChatUnderstanding {

    /** The customer asks for (other) fabrics. */
    /**
     * After a proposal: the customer wants other cloth than the one shown ("zeig mir was anderes", "keiner davon",
     * "something else", "none of them") — the next proposal leaves the shown ones out.
     */
    static final Pattern ASKS_FOR_OTHERS = Pattern.compile(
            "(?<!\\p{L})(andere\\p{L}* (stoffe?|vorschläge?|richtung|farben?|muster|optionen|auswahl)|"
                    + "weitere\\p{L}* (stoffe?|vorschläge?|optionen)|(etwas|was) anderes|noch (mehr|welche|andere)|"
                    + "mehr (stoffe|auswahl|optionen|vorschläge)|alternative\\p{L}*|(keiner|keins|keines|nichts) (davon|dabei)|"
                    + "nicht (so )?mein (ding|geschmack)|something else|anything else|"
                    + "(other|different) (ones|options|fabrics|cloths?|suggestions)|"
                    + "more (options|fabrics|cloths?|choices|suggestions)|none of (them|these|those)|"
                    + "(don't|do not|dont) like (them|these|those|any)|(show me|zeig\\p{L}* (mir )?) ?(the|die) (others|anderen))"
                    + "(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "Den ersten mag ich nicht", "I don't like the first one": a cloth turned down is no choice. */
    static final Pattern TURNS_DOWN = Pattern.compile("(?<!\\p{L})((don't|do not|dont|doesn't|does not) (really )?"
            + "(like|love|want)|not (a fan|keen|for me)|gefällt mir (gar |überhaupt )?nicht|gefallen mir (gar )?nicht|"
            + "mag ich (gar |überhaupt )?nicht|will ich nicht|nicht (so )?mein|lieber nicht|rather not)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** …unless the same message takes one: "den ersten nicht, aber der zweite gefällt mir". */
    private static final Pattern TAKES_ONE = Pattern.compile("(?<!\\p{L})(gefällt mir (gut|sehr|besser)|nehme ich|"
            + "ich nehme|i'll take|i will take|i like the|i love the|prefer the|lieber den|lieber die)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final Pattern ASKS_FOR_FABRICS = Pattern.compile(
            "(?<!\\p{L})(stoff\\p{L}*|fabrics?|cloth|zeigen sie|zeig\\p{L}* (mir|uns)|show me|vorschl\\p{L}*)(?!\\p{L})|"
                    + ASKS_FOR_OTHERS.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final ShopKnowledge knowledge;
    private final MessageReader reader;
    private final ChatAppointments calendar;
    private final Clock clock;

    public ChatUnderstanding(ShopKnowledge knowledge, MessageReader reader, ChatAppointments calendar, Clock clock) {
        this.knowledge = knowledge;
        this.reader = reader;
        this.calendar = calendar;
        this.clock = clock;
    }

    public ChatTurn understand(ChatTurn turn) {
        String message = turn.message();
        List<ShopKnowledge.Entry> facts = knowledge.answering(message);
        List<ShopKnowledge.Entry> smalltalk = knowledge.smalltalk(message);
        LocalDate today = LocalDate.now(clock);
        if (reader.readsBeside(!turn.personOwns())) {
            MessageReader.Beside beside = reader.readBeside(message, turn.opened().previous(), today);
            ChatTurn understood = turn.with(understood(turn, beside.byRules(), facts, smalltalk));
            return understood.with(new ChatTurn.ModelReading(beside,
                    calendar.mayBook(message, turn.state(), turn.caller()), understood));
        }
        ConversationProfile learned = reader.read(message, turn.opened().previous(), today,
                !facts.isEmpty() || !smalltalk.isEmpty(), !turn.personOwns());
        return turn.with(understood(turn, learned, facts, smalltalk));
    }

    /** What the message said by the cross-checked reading of a turn read beside it (waits for the model). */
    public ChatTurn.Understood crossChecked(ChatTurn turn) {
        ChatTurn asUnderstood = turn.modelReading().understood(); // the state before this turn's steps changed it
        ChatTurn.Understood first = asUnderstood.understood();
        return understood(asUnderstood, reader.crossChecked(turn.modelReading().beside()), first.facts(),
                first.smalltalk());
    }

    private ChatTurn.Understood understood(ChatTurn turn, ConversationProfile read, List<ShopKnowledge.Entry> facts,
                                           List<ShopKnowledge.Entry> smalltalk) {
        ConversationState state = turn.state();
        // a visit's day ("Termin in zwei Wochen") and a season said as a look ("sommerlich") are not the event's date
        ConversationProfile learned = WhoseDate.eventTiming(turn.message(), read, turn.opened().before());
        // while times are on offer, "der zweite" means a time; a cloth is chosen by its code
        String chosen = chosenFabric(turn.message(), state.proposedCodes(), !state.offeredSlots().isEmpty());
        if (chosen != null) {
            learned = learned.toBuilder().chosenFabric(chosen).build();
        }
        // "drei Anzüge" said before, "insgesamt 4500" now: the total is shared among them
        learned = BudgetShare.sharedWithEarlierCount(turn.message(), learned, turn.opened().before());
        ConversationProfile now = turn.opened().before().mergedWith(learned);
        if (!learned.colours().isEmpty() && WishRules.replacesColours(turn.message())) {
            // "lieber doch Mitternachtsblau" after "schwarz": the colour said instead replaces the one before
            now = now.toBuilder().colours(learned.colours(), now.avoidColours()).build();
        }
        // an event nearer than made-to-measure takes: the honest word, instead of the general delivery answer
        facts = LeadTimeNotice.with(facts, learned, now, LocalDate.now(clock), knowledge.leadTime());
        return new ChatTurn.Understood(learned, now, facts, smalltalk);
    }

    /** "Der zweite gefällt mir", "the first one", "VBC-2311": a cloth from the last proposal. */
    static String chosenFabric(String message, List<String> proposed, boolean timesOnOffer) {
        if (proposed.isEmpty()) {
            return null;
        }
        String text = Umlauts.restore(message.toLowerCase(Locale.GERMAN));
        boolean takesOne = TAKES_ONE.matcher(text).find();
        if ((TURNS_DOWN.matcher(text).find() || ASKS_FOR_OTHERS.matcher(text).find()) && !takesOne) {
            return null;
        }
        for (String code : proposed) {
            if (text.contains(code.toLowerCase(Locale.ROOT))) {
                return code;
            }
        }
        if (timesOnOffer && !ASKS_FOR_FABRICS.matcher(message).find()) {
            return null;
        }
        int place = OfferPositions.picked(takesOne ? clauseTaken(text) : text, proposed.size(), false);
        return place >= 0 ? proposed.get(place) : null;
    }

    private static final Pattern CLAUSE = Pattern.compile("[,;.!?]|(?<!\\p{L})(aber|but|sondern)(?!\\p{L})");
    private static final Pattern NEGATED = Pattern.compile("(?<!\\p{L})(nicht|not|no|kein\\p{L}*|don't|dont|nie)(?!\\p{L})");

    /** "Den ersten nicht, aber der zweite gefällt mir": the clause that takes one, not the one that turns one down. */
    private static String clauseTaken(String text) {
        for (String clause : CLAUSE.split(text)) {
            if (!clause.isBlank() && !NEGATED.matcher(clause).find()) {
                return clause;
            }
        }
        return text;
    }
}
