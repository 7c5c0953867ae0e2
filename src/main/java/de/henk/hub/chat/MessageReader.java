package de.henk.hub.chat;

import java.util.regex.Pattern;
import de.henk.hub.chat.llm.LlmConcierge;
import de.henk.hub.crm.PhoneNumbers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * What a customer's message says, as profile facts. Offline, the rules read it ({@link ProfileExtractor}). With a
 * language model and {@code henk.llm.extraction: model-first} (the default), the model reads every message as
 * structured output and the rules cross-check it and stand in when it fails ({@link ProfileReconciler}); with
 * {@code rules-first} the model only reads what the rules understood nothing of. Counted, never logged:
 * {@code henk.chat.extraction.readings{source}} and {@code henk.chat.extraction.disagreements{field}}.
 * <p>
 * In model-first the model's reading runs on a thread of its own ({@link #readBeside}): the turn goes on with the
 * rules' reading at once, and takes the cross-checked one ({@link #crossChecked}) when it needs it — so that HENK's
 * reply, the other model call, does not have to wait for it.
 */
@Component
public class MessageReader {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<Phase, String> QUESTIONS = Map.of(
            Phase.NEEDS, "was der Kunde sucht", Phase.OCCASION, "dem Anlass",
            Phase.TIMING, "dem Datum oder der Jahreszeit des Anlasses", Phase.BUDGET, "dem Budget in Euro",
            Phase.STYLE, "Stil und Farben", Phase.FABRIC, "der Stoffauswahl",
            Phase.CONTACT, "einem Termin und Kontaktdaten", Phase.HANDED_OVER, "nichts mehr (an das Team übergeben)");

    private final ProfileExtractor rules;
    private final LlmConcierge llm;
    private final ProfileReconciler reconciler = new ProfileReconciler();
    private final MeterRegistry metrics;
    private final Executor readingThreads;
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
        this.readingThreads = readingThreads();
        this.readByModel = Counter.builder("henk.chat.extraction.readings").tag("source", "model")
                .description("Chat messages read by the language model, cross-checked by the rules").register(metrics);
        this.readByRules = Counter.builder("henk.chat.extraction.readings").tag("source", "rules")
                .description("Chat messages read by the rules alone").register(metrics);
    }

    /**
     * {@code previous} is what HENK asked last; {@code answeredOtherwise}: the shop's knowledge base or small talk
     * already understood the message (rules-first then leaves the model out); {@code modelMayRead} false keeps the
     * message from the model altogether (a person answers this session). Waits for the model's reading.
     */
    public ConversationProfile read(String message, Phase previous, LocalDate today, boolean answeredOtherwise,
                                    boolean modelMayRead) {
        if (readsBeside(modelMayRead)) {
            return crossChecked(readBeside(message, previous, today));
        }
        ConversationProfile byRules = rules.extract(message, previous);
        // rules-first: a configured model may read only what the rules understood nothing of
        boolean rulesMissedIt = modelMayRead && byRules.hasNoFacts() && !answeredOtherwise && !byRules.declined()
                && WHITESPACE.split(message).length >= 4;
        if (!rulesMissedIt) {
            return byRulesAlone(byRules);
        }
        return llm.extractProfile(message, asked(previous), today)
                .map(byModel -> gapsFilled(byRules, languageKept(byModel, previous)))
                .orElseGet(() -> byRulesAlone(byRules));
    }

    /** A message read by the rules, and by the model on a thread of its own — its answer still under way. */
    public record Beside(ConversationProfile byRules, CompletableFuture<Optional<ConversationProfile>> byModel) { }

    /** model-first with a model configured, and the message may go to it: it is read beside the turn. */
    public boolean readsBeside(boolean modelMayRead) {
        return modelMayRead && llm.extractsFirst();
    }

    /** The rules' reading now; the model's reading is started, not awaited. */
    public Beside readBeside(String message, Phase previous, LocalDate today) {
        ConversationProfile byRules = rules.extract(message, previous);
        String asked = asked(previous);
        return new Beside(byRules, CompletableFuture.supplyAsync(() -> llm.extractProfile(message, asked, today)
                .map(byModel -> languageKept(byModel, previous)), readingThreads));
    }

    /**
     * The one reading of a message read beside the turn: the model's cross-checked by the rules, or the rules'
     * alone when the model failed, was slower than {@code henk.llm.extraction-timeout} (the extraction model's
     * own timeout ends the wait) or its circuit is open. Waits for the model's answer if it is still under way.
     */
    public ConversationProfile crossChecked(Beside beside) {
        Optional<ConversationProfile> byModel;
        try {
            byModel = beside.byModel().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            byModel = Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            byModel = Optional.empty();
        }
        return byModel.map(model -> reconciled(beside.byRules(), model))
                .orElseGet(() -> byRulesAlone(beside.byRules()));
    }

    /**
     * After the first message the conversation's language changes only when the rules read a clear switch
     * ({@link LanguageRules#switchedTo}): the model's "de" for a "Danke" in an English conversation is no switch.
     */
    private static ConversationProfile languageKept(ConversationProfile byModel, Phase previous) {
        return previous == null || byModel.language() == null ? byModel
                : byModel.toBuilder().language(null).build();
    }

    private static String asked(Phase previous) {
        return previous == null ? null : QUESTIONS.get(previous);
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

    /** A thread per reading (a virtual one on Java 21+); the request id travels along for the logs. */
    private static Executor readingThreads() {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("henk-model-reading-");
        threads.setDaemon(true);
        threads.setVirtualThreads(Runtime.version().feature() >= 21);
        threads.setTaskDecorator(new de.henk.hub.config.HttpExecutorConfig.MdcPropagation());
        return threads;
    }
}
