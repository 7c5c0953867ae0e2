package de.henk.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.catalog.FabricCatalogue;
import de.henk.hub.catalog.FabricHit;
import de.henk.hub.crm.CrmStore;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.OpenAiStub;
import de.henk.hub.support.SecondHub;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dialogue scripts of {@link DialogueScriptsTest} once more, with a language model configured
 * ({@code henk.llm.extraction: model-first}, the default): every message is read by the OpenAI-compatible stub as
 * structured output and cross-checked by the rules. The stub plays a model that reads the message like the rules
 * do but gets wrong exactly what the rules own — every amount 111 € too high, every date a month (a day) late — and
 * takes spam, job seekers, competitors, jokes and a no for an interested customer. The scripts' expectations must
 * still hold: the rules' numbers, dates, contact data and no-lead verdicts win. HENK's replies are the stub's, so
 * only the reply words are not checked.
 */
class DialogueScriptsWithModelTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static OpenAiStub stub;
    static SecondHub hub;

    private final List<Long> deals = new ArrayList<>();

    @BeforeAll
    static void startTheModel() throws Exception {
        stub = OpenAiStub.start();
        stub.record = false;
        stub.extractionReader = DialogueScriptsWithModelTest::readAsAModelThatGetsNumbersWrong;
        hub = SecondHub.start(Map.of("henk.llm.provider", "openai", "henk.llm.base-url", stub.baseUrl(),
                "henk.llm.model", "stub-model", "henk.llm.api-key", "test-key", "henk.llm.timeout", "3s",
                "henk.llm.extraction", "model-first", "henk.llm.failure-threshold", "1000"));
    }

    @AfterAll
    static void stopTheModel() {
        hub.close();
        stub.close();
    }

    @AfterEach
    void dealsHaveReachedPipedrive() {
        CrmStore crm = hub.context().getBean(CrmStore.class);
        for (long id : deals) {
            await().atMost(Duration.ofSeconds(20)).until(() -> crm.deal(id).pipedriveDealId() != null);
        }
    }

    static Stream<Arguments> dialogues() throws Exception {
        return DialogueScriptsTest.dialogues();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialogues")
    void dialogue(String name, JsonNode script) throws Exception {
        ChatService chat = hub.context().getBean(ChatService.class);
        CrmStore crm = hub.context().getBean(CrmStore.class);
        FabricCatalogue catalogue = hub.context().getBean(FabricCatalogue.class);
        ObjectMapper json = hub.context().getBean(ObjectMapper.class);
        double modelReadingsBefore = modelReadings();
        Caller caller = Caller.anonymous("10.0.2." + Math.abs(name.hashCode() % 250));
        if ("customer".equals(script.path("caller").asText())) {
            Account account = register(uniqueEmail("dialogue-model"));
            caller = new Caller(account.userId(), account.email(), Set.of(Role.CUSTOMER), null, "10.0.3.1");
        }
        String sessionId = null;
        JsonNode last = null;
        int n = 0;
        for (JsonNode turn : script.path("turns")) {
            n++;
            ChatResponse response = chat.turn(new ChatRequest(turn.path("say").asText(), sessionId), caller);
            sessionId = response.sessionId();
            last = json.valueToTree(response);
            if (response.lead().dealId() != null && !deals.contains(response.lead().dealId())) {
                deals.add(response.lead().dealId());
            }
            String where = "[model] " + name + " / turn " + n + " \"" + turn.path("say").asText() + "\" → " + last;
            assertThat(response.concierge()).as(where).isEqualTo("openai");
            for (FabricHit hit : response.recommendations()) {
                assertThat(FabricFit.fits(hit.fabric(), response.profile()))
                        .as(where + "\n  does not fit: " + hit.fabric().code()).isTrue();
            }
            DialogueScriptsTest.adviceFits(response, catalogue, where, false);
            DialogueScriptsTest.check(turn.path("expect"), last, where, crm, false);
        }
        DialogueScriptsTest.check(script.path("final"), last, "[model] " + name + " (final) → " + last, crm, false);
        // the model read the messages (those a person owns are never sent to it)
        assertThat(modelReadings() - modelReadingsBefore).as(name + ": messages read by the model").isPositive();
    }

    private static double modelReadings() {
        return hub.context().getBean(MeterRegistry.class).counter("henk.chat.extraction.readings", "source", "model")
                .count();
    }

    /**
     * The stub's reading of the customer's message: the rules' reading in the model's schema, with the amounts and
     * dates the rules own misread, and a no-lead verdict turned into interest.
     */
    static String readAsAModelThatGetsNumbersWrong(JsonNode request) {
        String message = "";
        for (JsonNode m : request.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                message = m.path("content").isTextual() ? m.path("content").asText()
                        : m.path("content").path(0).path("text").asText();
            }
        }
        ConversationProfile p = new ProfileExtractor(Clock.systemUTC()).extract(message);
        ObjectNode answer = JSON.createObjectNode();
        put(answer, "language", p.language());
        put(answer, "occasion", p.occasion());
        if (p.eventDate() != null) {
            put(answer, "event_date", LocalDate.parse(p.eventDate()).plusDays(1).toString());
        }
        if (p.eventMonth() != null) {
            put(answer, "event_month", YearMonth.parse(p.eventMonth()).plusMonths(1).toString());
        }
        if (p.eventMonth() == null) {
            put(answer, "season", p.season());
        }
        if (p.budgetEur() != null) {
            answer.put("budget_eur", p.budgetEur() + 111);
        }
        put(answer, "garment", p.garment());
        put(answer, "style", p.style());
        answer.set("colours", JSON.valueToTree(p.colours()));
        answer.set("avoid_colours", JSON.valueToTree(p.avoidColours()));
        answer.set("patterns", JSON.valueToTree(p.patterns()));
        answer.set("avoid_patterns", JSON.valueToTree(p.avoidPatterns()));
        answer.set("fabric_wishes", JSON.valueToTree(p.fabricWishes()));
        answer.set("avoid_fabrics", JSON.valueToTree(p.avoidFabrics()));
        boolean noLead = p.declined() || p.notACustomer();
        put(answer, "intent", noLead ? "interested" : p.intent());
        if (Boolean.TRUE.equals(p.wantsAppointment())) {
            answer.put("wants_appointment", true);
        }
        return answer.toString();
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
