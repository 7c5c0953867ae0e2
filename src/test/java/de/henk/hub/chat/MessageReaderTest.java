package de.henk.hub.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.chat.llm.LlmConcierge;
import de.henk.hub.support.OpenAiStub;
import de.henk.hub.support.OpenAiStub.Step;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a message with a model configured — the langchain4j structured-output call against the OpenAI-compatible
 * stub over real HTTP — in both modes, and the rules standing in when the model is slow or talks instead of
 * answering in JSON. The conversation around it is tested in {@link LlmConciergeTest}.
 */
class MessageReaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static OpenAiStub stub;

    @BeforeAll
    static void start() throws Exception {
        stub = OpenAiStub.start();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.reset();
    }

    @Test
    void modelFirstAsksTheModelForEveryMessageAndTellsItWhatHenkAsked() throws Exception {
        MessageReader reader = reader("model-first", Duration.ofSeconds(8));
        stub.thenExtraction(Step.text("{\"budget_eur\":2200}"));
        ConversationProfile read = reader.read("2200", Phase.BUDGET, TODAY, false, true);
        assertThat(read.budgetEur()).isEqualTo(2200);
        assertThat(stub.extractionRequests()).hasSize(1);
        String system = stub.extractionRequests().get(0).path("messages").get(0).path("content").asText();
        assertThat(system).contains("Heute ist 2026-11-25", "dem Budget in Euro");

        stub.thenExtraction(Step.text("{\"occasion\":\"business\",\"intent\":\"declined\"}"));
        ConversationProfile declined = reader.read("Danke, ich schaue mich nur um", null, TODAY, false, true);
        assertThat(declined.occasion()).isEqualTo("business");
        assertThat(declined.declined()).isTrue();
        assertThat(declined.wantsAppointment()).isFalse();
    }

    @Test
    void modelFirstReadsBesideTheTurnTheRulesAtOnceTheCrossCheckedReadingWhenAskedFor() {
        MessageReader reader = reader("model-first", Duration.ofSeconds(8));
        assertThat(reader.readsBeside(true)).isTrue();
        assertThat(reader.readsBeside(false)).as("a person owns the session").isFalse();
        assertThat(reader("rules-first", Duration.ofSeconds(8)).readsBeside(true)).isFalse();
        stub.thenExtraction(Step.text("{\"occasion\":\"wedding\",\"event_month\":\"2027-07\","
                + "\"style\":\"modern\"}").after(1000));
        long start = System.nanoTime();
        MessageReader.Beside beside = reader.readBeside("Mein Bruder heiratet im Juni, Budget 2500 Euro", null, TODAY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(beside.byRules().budgetEur()).isEqualTo(2500);
        assertThat(beside.byRules().style()).isNull();
        assertThat(beside.byModel()).as("the model is still reading").isNotDone();

        ConversationProfile checked = reader.crossChecked(beside);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(checked.style()).as("the model's").isEqualTo("modern");
        assertThat(checked.eventMonth()).as("the rules'").isEqualTo("2027-06");
        assertThat(checked.budgetEur()).isEqualTo(2500);
        assertThat(stub.extractionRequests()).hasSize(1);
    }

    @Test
    void aMessageToAPersonIsNeverSentToTheModel() {
        MessageReader reader = reader("model-first", Duration.ofSeconds(8));
        ConversationProfile read = reader.read("Ich heirate im Juni, Budget 2500 Euro", Phase.CONTACT, TODAY, false,
                false);
        assertThat(read.occasion()).isEqualTo("wedding");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void rulesFirstLeavesTheModelOutOfWhatTheRulesUnderstand() throws Exception {
        MessageReader reader = reader("rules-first", Duration.ofSeconds(8));
        ConversationProfile understood = reader.read("Ich suche einen Anzug für eine Hochzeit im Juni", null, TODAY,
                false, true);
        assertThat(understood.occasion()).isEqualTo("wedding");
        assertThat(understood.eventMonth()).isEqualTo("2027-06");
        assertThat(stub.requests()).isEmpty();

        stub.thenExtraction(Step.text("{\"occasion\":\"wedding\",\"event_month\":\"2027-05\"}"));
        ConversationProfile gap = reader.read("Mein Bruder gibt sich bald das Ja-Wort", null, TODAY, false, true);
        assertThat(gap.occasion()).isEqualTo("wedding");
        assertThat(gap.eventMonth()).isEqualTo("2027-05");
        assertThat(stub.extractionRequests()).hasSize(1);

        // the shop's knowledge base answered it: no model either
        reader.read("Wie lange dauert die Anfertigung eines Anzugs ungefähr?", null, TODAY, true, true);
        assertThat(stub.extractionRequests()).hasSize(1);
    }

    @Test
    void aSlowOrChattyModelLeavesTheReadingToTheRules() throws Exception {
        MessageReader reader = reader("model-first", Duration.ofMillis(400));
        stub.thenExtraction(Step.text("{\"occasion\":\"gala\"}").after(2000));
        long start = System.nanoTime();
        ConversationProfile slow = reader.read("Hochzeit im Juni, Budget 2500 Euro", null, TODAY, false, true);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
        assertThat(slow.occasion()).isEqualTo("wedding");
        assertThat(slow.budgetEur()).isEqualTo(2500);

        stub.thenExtraction(Step.text("Sehr gern helfe ich Ihnen bei der Hochzeit!"));
        assertThat(reader.read("Hochzeit im Juni", null, TODAY, false, true).occasion()).isEqualTo("wedding");
        stub.thenExtraction(Step.error(503));
        assertThat(reader.read("Smoking für die Gala", null, TODAY, false, true).garment()).isEqualTo("tuxedo");
    }

    @Test
    void whatTheModelAnswersIsKeptOnlyWhenWellFormed() throws Exception {
        var answer = new ObjectMapper().readTree("""
                {"occasion":"funeral","garment":"suit","style":"modern","budget_eur":3000,"budget_min_eur":5000,
                 "event_date":"2026-12-24","event_month":"2031-01","season":"summer",
                 "colours":["schwarz","lila"],"avoid_colours":["schwarz"],"patterns":["Nadelstreifen","Polka"],
                 "fabric_wishes":["linen","unobtainium"],"intent":"buying","wants_appointment":true,
                 "email":"x@example.com","name":"Erfunden"}""");
        ConversationProfile read = StructuredProfile.read(answer, "so um die 3000", TODAY);
        assertThat(read.occasion()).isNull();
        assertThat(read.garment()).isEqualTo("suit");
        assertThat(read.style()).isEqualTo("modern");
        assertThat(read.budgetEur()).isEqualTo(3000);
        assertThat(read.budgetMinEur()).isNull();
        assertThat(read.eventDate()).isEqualTo("2026-12-24");
        assertThat(read.season()).isEqualTo("winter");
        assertThat(read.colours()).isEmpty();
        assertThat(read.avoidColours()).containsExactly("schwarz");
        assertThat(read.patterns()).containsExactly("Nadelstreifen");
        assertThat(read.fabricWishes()).containsExactly("linen");
        assertThat(read.intent()).isEqualTo("buying");
        assertThat(read.wantsAppointment()).isTrue();
        assertThat(read.email()).isNull();
        assertThat(read.name()).isNull();

        ConversationProfile noDigits = StructuredProfile.read(answer, "so um die dreitausend", TODAY);
        assertThat(noDigits.budgetEur()).isNull();
        var farAway = new ObjectMapper().readTree("{\"event_month\":\"2031-01\",\"season\":\"autumn\"}");
        ConversationProfile season = StructuredProfile.read(farAway, "irgendwann", TODAY);
        assertThat(season.eventMonth()).isNull();
        assertThat(season.season()).isEqualTo("autumn");
    }

    @Test
    void theRulesCrossCheckTheModel() {
        ConversationProfile rules = ConversationProfile.builder().occasion("business").budget(2500, null)
                .timing(null, "2027-06", "summer", "2027-06-01", "2027-06-30", null)
                .colours(java.util.List.of("blau"), java.util.List.of("schwarz"))
                .contact("Max", "max@example.com", null).intent("interested").build();
        ConversationProfile model = ConversationProfile.builder().occasion("wedding").garment("three-piece")
                .budget(25000, null).timing(null, "2027-07", "summer", "2027-07-01", "2027-07-31", null)
                .colours(java.util.List.of("schwarz", "grau"), java.util.List.of()).intent("buying").build();
        ProfileReconciler.Reading reading = new ProfileReconciler().reconcile(rules, model);
        ConversationProfile one = reading.profile();
        assertThat(one.occasion()).isEqualTo("wedding");
        assertThat(one.garment()).isEqualTo("three-piece");
        assertThat(one.budgetEur()).isEqualTo(2500);
        assertThat(one.eventMonth()).isEqualTo("2027-06");
        assertThat(one.colours()).containsExactly("blau", "grau");
        assertThat(one.avoidColours()).containsExactly("schwarz");
        assertThat(one.email()).isEqualTo("max@example.com");
        assertThat(one.intent()).isEqualTo("buying");
        assertThat(reading.disagreements()).containsExactlyInAnyOrder("occasion", "budget", "timing", "intent");

        ConversationProfile no = ConversationProfile.builder().intent("declined").wantsAppointment(false).build();
        ConversationProfile eager = ConversationProfile.builder().intent("buying").wantsAppointment(true).build();
        ConversationProfile nothing = ConversationProfile.empty();
        ProfileReconciler reconciler = new ProfileReconciler();
        // the rules' no is final
        assertThat(reconciler.reconcile(no, eager).profile().declined()).isTrue();
        assertThat(reconciler.reconcile(no, eager).profile().wantsAppointment()).isFalse();
        // the model's no counts where the rules heard nothing ...
        assertThat(reconciler.reconcile(nothing, no).profile().declined()).isTrue();
        // ... but not against a go-ahead the rules heard ("Nein, nicht Juni – Juli! Ich möchte einen Termin")
        ProfileReconciler.Reading misread = reconciler.reconcile(eager, no);
        assertThat(misread.profile().intent()).isEqualTo("buying");
        assertThat(misread.profile().wantsAppointment()).isTrue();
        assertThat(misread.disagreements()).contains("intent");
        // the model never talks a customer down from "buying", nor withdraws an appointment wish
        ConversationProfile browsing = ConversationProfile.builder().intent("browsing").wantsAppointment(false)
                .build();
        assertThat(reconciler.reconcile(eager, browsing).profile().intent()).isEqualTo("buying");
        assertThat(reconciler.reconcile(nothing, browsing).profile().wantsAppointment()).isNull();
    }

    @Test
    void aModelsFalseAppointmentWishDoesNotEraseAnEarlierOne() throws Exception {
        var answer = new ObjectMapper().readTree("{\"budget_eur\":2000,\"wants_appointment\":false}");
        ConversationProfile read = StructuredProfile.read(answer, "Budget 2000 €", TODAY);
        assertThat(read.wantsAppointment()).isNull();
        ConversationProfile earlier = ConversationProfile.builder().intent("buying").wantsAppointment(true).build();
        ConversationProfile rules = ConversationProfile.builder().budget(2000, null).build();
        ConversationProfile merged = earlier.mergedWith(new ProfileReconciler().reconcile(rules, read).profile());
        assertThat(merged.wantsAppointment()).isTrue();
        assertThat(merged.budgetEur()).isEqualTo(2000);
    }

    private static MessageReader reader(String mode, Duration extractionTimeout) {
        LlmSettings settings = new LlmSettings("openai", stub.baseUrl(), "stub-model", "test-key", Duration.ofSeconds(5),
                3, Duration.ofSeconds(30), 12, 0.4, 600, mode, extractionTimeout);
        return new MessageReader(CLOCK, new LlmConcierge(settings, null, null, null, null,
                io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults()), new SimpleMeterRegistry());
    }
}
