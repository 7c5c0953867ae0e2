package de.henk.hub.chat;

import de.henk.hub.chat.llm.LlmConcierge;
import de.henk.hub.crm.PhoneNumbers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What a customer's message says, as profile facts. Offline, the rules read it ({@link ProfileExtractor}). With a
 * language model and {@code henk.llm.extraction: model-first} (the default), the model reads every message as
 * structured output and the rules cross-check it and stand in when it fails ({@link ProfileReconciler}); with
 * {@code rules-first} the model only reads what the rules understood nothing of. Counted, never logged:
 * {@code henk.chat.extraction.readings{source}} and {@code henk.chat.extraction.disagreements{field}}.
 */
@Component
public class MessageReader {

    private static final Map<Phase, String> QUESTIONS = Map.of(
            Phase.NEEDS, "was der Kunde sucht", Phase.OCCASION, "dem Anlass",
            Phase.TIMING, "dem Datum oder der Jahreszeit des Anlasses", Phase.BUDGET, "dem Budget in Euro",
            Phase.STYLE, "Stil und Farben", Phase.FABRIC, "der Stoffauswahl",
            Phase.CONTACT, "einem Termin und Kontaktdaten", Phase.HANDED_OVER, "nichts mehr (an das Team übergeben)");

    private final ProfileExtractor rules;
    private final LlmConcierge llm;
    private final ProfileReconciler reconciler = new ProfileReconciler();
    private final MeterRegistry metrics;
    private final Counter readByModel;
    private final Counter readByRules;

    /** Phone numbers without a country code are read as German ones. */
    public MessageReader(Clock clock, LlmConcierge llm, MeterRegistry metrics) {
        this(clock, llm, metrics, new PhoneNumbers("49"));
    }

    @Autowired
    public MessageReader(Clock clock, LlmConcierge llm, MeterRegistry metrics, PhoneNumbers phoneNumbers) {
        this.rules = new ProfileExtractor(clock, phoneNumbers);
        this.llm = llm;
        this.metrics = metrics;
        this.readByModel = Counter.builder("henk.chat.extraction.readings").tag("source", "model")
                .description("Chat messages read by the language model, cross-checked by the rules").register(metrics);
        this.readByRules = Counter.builder("henk.chat.extraction.readings").tag("source", "rules")
                .description("Chat messages read by the rules alone").register(metrics);
    }

    /**
     * {@code previous} is what HENK asked last; {@code answeredOtherwise}: the shop's knowledge base or small talk
     * already understood the message (rules-first then leaves the model out); {@code modelMayRead} false keeps the
     * message from the model altogether (a person answers this session).
     */
    public ConversationProfile read(String message, Phase previous, LocalDate today, boolean answeredOtherwise,
                                    boolean modelMayRead) {
        ConversationProfile byRules = rules.extract(message, previous);
        if (!modelMayRead) {
            return byRulesAlone(byRules);
        }
        boolean modelFirst = llm.extractsFirst();
        // rules-first: a configured model may read only what the rules understood nothing of
        boolean rulesMissedIt = byRules.hasNoFacts() && !answeredOtherwise && !byRules.declined()
                && message.split("\\s+").length >= 4;
        if (!modelFirst && !rulesMissedIt) {
            return byRulesAlone(byRules);
        }
        String asked = previous == null ? null : QUESTIONS.get(previous);
        return llm.extractProfile(message, asked, today)
                .map(byModel -> modelFirst ? reconciled(byRules, byModel) : gapsFilled(byRules, byModel))
                .orElseGet(() -> byRulesAlone(byRules));
    }

    /** rules-first: the model's reading fills the gaps, the rules' findings win. */
    private ConversationProfile gapsFilled(ConversationProfile byRules, ConversationProfile byModel) {
        readByModel.increment();
        return byModel.mergedWith(byRules);
    }

    private ConversationProfile reconciled(ConversationProfile byRules, ConversationProfile byModel) {
        readByModel.increment();
        ProfileReconciler.Reading reading = reconciler.reconcile(byRules, byModel);
        for (String field : reading.disagreements()) {
            Counter.builder("henk.chat.extraction.disagreements").tag("field", field)
                    .description("Fields where the model's and the rules' reading of a message differed")
                    .register(metrics).increment();
        }
        return reading.profile();
    }

    private ConversationProfile byRulesAlone(ConversationProfile byRules) {
        readByRules.increment();
        return byRules;
    }
}
