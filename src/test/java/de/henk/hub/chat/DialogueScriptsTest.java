package de.henk.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.catalog.FabricCatalogue;
import de.henk.hub.catalog.FabricHit;
import de.henk.hub.crm.CrmStore;
import de.henk.hub.crm.Deal;
import de.henk.hub.support.HubTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conversation as a customer has it: scripted German and English dialogues from
 * {@code src/test/resources/dialogues/*.yaml}, each turn through the real chat bean of the running hub (database,
 * catalogue, CRM intake and outbox). Every turn is checked for what its script expects — phase, profile, reply
 * words, recommendations, lead — and every proposed fabric must fit the profile (season, budget, occasion,
 * garment, colours and patterns the customer ruled out) and meet the customer's wishes as far as the catalogue
 * allows ({@link #adviceFits}). Dates in scripts are relative: {@code {month:6}} is the next June as "2027-06",
 * {@code {monthname:6}} "Juni 2027", {@code {plusmonths:3}} the month three months from today. The files are the
 * families of {@code docs/conversation.md}'s pass-rate table; {@link DialogueScriptsWithModelTest} runs the same
 * scripts with a language model configured.
 */
class DialogueScriptsTest extends HubTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{(month|monthname|monthname_en|year|plusmonths|plusweeks):(\\d+)}");

    @Autowired
    ChatService chat;
    @Autowired
    ObjectMapper json;
    @Autowired
    CrmStore crm;
    @Autowired
    FabricCatalogue catalogue;

    private final List<Long> deals = new ArrayList<>();

    /** Leads made here sync to the shared Pipedrive simulator: let them arrive before the next test resets it. */
    @AfterEach
    void dealsHaveReachedPipedrive() {
        for (long id : deals) {
            await().atMost(Duration.ofSeconds(20)).until(() -> crm.deal(id).pipedriveDealId() != null);
        }
    }

    static Stream<Arguments> dialogues() throws IOException {
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/dialogues"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode dialogue : YAML.readTree(file.toFile())) {
                    all.add(Arguments.of(file.getFileName() + ": " + dialogue.path("name").asText(), dialogue));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialogues")
    void dialogue(String name, JsonNode script) throws Exception {
        Caller caller = Caller.anonymous("10.0.0." + Math.abs(name.hashCode() % 250));
        if ("customer".equals(script.path("caller").asText())) {
            Account account = register(uniqueEmail("dialogue"));
            caller = new Caller(account.userId(), account.email(), Set.of(Role.CUSTOMER), null, "10.0.1.1");
        }
        String sessionId = null;
        JsonNode last = null;
        List<String> shown = new ArrayList<>();
        int n = 0;
        for (JsonNode turn : script.path("turns")) {
            n++;
            ChatResponse response = chat.turn(new ChatRequest(turn.path("say").asText(), sessionId), caller);
            sessionId = response.sessionId();
            last = json.valueToTree(response);
            System.out.println("» " + turn.path("say").asText() + "\n« [" + response.phase() + ", lead "
                    + response.lead().status() + "] " + response.reply());
            if (response.lead().dealId() != null && !deals.contains(response.lead().dealId())) {
                deals.add(response.lead().dealId());
            }
            String where = name + " / turn " + n + " \"" + turn.path("say").asText() + "\" → " + last;
            for (FabricHit hit : response.recommendations()) {
                assertThat(FabricFit.fits(hit.fabric(), response.profile()))
                        .as(where + "\n  does not fit: " + hit.fabric().code()).isTrue();
            }
            adviceFits(response, catalogue, where, true);
            check(turn.path("expect"), last, where);
            List<String> codes = response.recommendations().stream().map(h -> h.fabric().code()).toList();
            if (turn.path("expect").path("recommendations_new").asBoolean()) {
                // "zeig mir was anderes": none of the cloth shown so far in the dialogue comes again
                assertThat(codes).as(where + "\n  shown before: " + shown).isNotEmpty().doesNotContainAnyElementsOf(shown);
            }
            shown.addAll(codes);
        }
        check(script.path("final"), last, name + " (final) → " + last);
    }

    /**
     * The proposal meets every wish (style, colour, material) the catalogue can meet together within the hard
     * limits — then every proposed cloth does; and a wish no proposed cloth meets is named in the reply.
     */
    static void adviceFits(ChatResponse response, FabricCatalogue catalogue, String where, boolean checkReply) {
        List<FabricHit> hits = response.recommendations();
        if (hits.isEmpty()) {
            return;
        }
        ConversationProfile p = response.profile();
        List<String> materials = p.fabricWishes().stream().filter(ProfileExtractor.MATERIALS::contains).toList();
        java.util.function.Predicate<de.henk.hub.catalog.Fabric> all = f -> meetsStyle(f, p) && meetsColour(f, p)
                && meetsPattern(f, p)
                && (materials.isEmpty() || materials.stream().anyMatch(m -> FabricFit.madeOf(f, m)));
        // wishes read as words by the catalogue search ("knitterarm", "Stretch") are beyond this oracle
        boolean modelled = p.fabricWishes().stream().noneMatch(w -> w.equals("crease-resistant") || w.equals("stretch"));
        boolean possible = modelled && catalogue.all().stream().anyMatch(f -> FabricFit.fits(f, p)
                && weightFits(f, p) && all.test(f));
        if (possible) {
            for (FabricHit hit : hits) {
                assertThat(all.test(hit.fabric())).as(where + "\n  misses a wish the catalogue could meet: "
                        + hit.fabric().code()).isTrue();
            }
        }
        if (!checkReply) {
            return;
        }
        String reply = response.reply().toLowerCase(Locale.ROOT);
        if (p.style() != null && hits.stream().noneMatch(h -> meetsStyle(h.fabric(), p))) {
            assertThat(reply).as(where + "\n  the unmet style is not named").containsAnyOf(
                    p.style(), STYLE_WORDS.getOrDefault(p.style(), p.style()));
        }
        if (!p.colours().isEmpty() && hits.stream().noneMatch(h -> meetsColour(h.fabric(), p))) {
            assertThat(p.colours().stream().anyMatch(reply::contains)).as(where + "\n  the unmet colour is not named")
                    .isTrue();
        }
    }

    private static final java.util.Map<String, String> STYLE_WORDS = java.util.Map.of("classic", "klassisch",
            "casual", "lässig", "modern", "modern", "extravagant", "extravagant");

    private static boolean meetsStyle(de.henk.hub.catalog.Fabric f, ConversationProfile p) {
        return p.style() == null || f.hasStyle(de.henk.hub.catalog.Style.of(p.style()));
    }

    private static boolean meetsColour(de.henk.hub.catalog.Fabric f, ConversationProfile p) {
        if (p.colours().isEmpty()) {
            return true;
        }
        return p.colours().stream().anyMatch(c -> c.equals(f.colour()) || COLOUR_FAMILIES.getOrDefault(c, Set.of())
                .contains(f.colour()));
    }

    private static boolean meetsPattern(de.henk.hub.catalog.Fabric f, ConversationProfile p) {
        List<String> wished = p.patterns().stream().filter(w -> !w.equals("uni")).toList();
        return wished.isEmpty() || wished.stream().anyMatch(w -> w.equals(f.pattern())
                || w.equals("Streifen") && f.pattern().endsWith("streifen")
                || w.equals("Karo") && Set.of("Glencheck", "Windowpane", "Pepita", "Hahnentritt").contains(f.pattern()));
    }

    /** The catalogue's colours by family, written out here independently of the advisor's own table. */
    private static final java.util.Map<String, Set<String>> COLOUR_FAMILIES = java.util.Map.ofEntries(
            java.util.Map.entry("blau", Set.of("blau", "marineblau", "mitternachtsblau", "hellblau")),
            java.util.Map.entry("grau", Set.of("anthrazit", "mittelgrau", "hellgrau", "taupe")),
            java.util.Map.entry("braun", Set.of("braun", "tabak", "camel", "taupe")),
            java.util.Map.entry("beige", Set.of("beige", "sand", "camel", "creme")),
            java.util.Map.entry("grün", Set.of("grün", "oliv", "salbei")),
            java.util.Map.entry("rot", Set.of("bordeaux")),
            java.util.Map.entry("weiß", Set.of("weiß", "creme")),
            java.util.Map.entry("dunkelblau", Set.of("marineblau", "mitternachtsblau")),
            // shades of a family the catalogue has no colour of its own for ("flaschengrün", "dark brown")
            java.util.Map.entry("dunkelgrün", Set.of("grün", "oliv")),
            java.util.Map.entry("dunkelbraun", Set.of("braun")),
            java.util.Map.entry("hellbraun", Set.of("camel", "sand")),
            // a tone said without a colour ("eher dunkel", "something light-coloured")
            java.util.Map.entry("dunkel", Set.of("marineblau", "mitternachtsblau", "anthrazit", "schwarz", "braun",
                    "bordeaux", "oliv")),
            java.util.Map.entry("hell", Set.of("hellblau", "hellgrau", "beige", "sand", "creme", "weiß", "camel",
                    "salbei")));

    /** The advisor asks the catalogue for light cloth (up to 290 g/m) or warm cloth (from 300 g/m). */
    private static boolean weightFits(de.henk.hub.catalog.Fabric f, ConversationProfile p) {
        if (p.fabricWishes().contains("light")) {
            return f.weightGramsPerMetre() <= 290;
        }
        return !p.fabricWishes().contains("warm") || f.weightGramsPerMetre() >= 300;
    }

    private void check(JsonNode expect, JsonNode actual, String where) {
        check(expect, actual, where, crm, true);
    }

    /** {@code replies} false: the reply is a language model's (the stub's), so its words are not checked. */
    static void check(JsonNode expect, JsonNode actual, String where, CrmStore crm, boolean replies) {
        if (expect.isMissingNode()) {
            return;
        }
        if (expect.has("phase")) {
            assertThat(actual.path("phase").asText()).as(where).isEqualTo(expect.path("phase").asText());
        }
        if (expect.has("phase_not")) {
            assertThat(actual.path("phase").asText()).as(where).isNotEqualTo(expect.path("phase_not").asText());
        }
        for (JsonNode word : replies ? expect.path("reply_contains") : YAML.createArrayNode()) {
            assertThat(actual.path("reply").asText()).as(where).containsIgnoringCase(resolve(word.asText()));
        }
        for (JsonNode word : replies ? expect.path("reply_not_contains") : YAML.createArrayNode()) {
            assertThat(actual.path("reply").asText()).as(where).doesNotContainIgnoringCase(resolve(word.asText()));
        }
        expect.path("profile").fields().forEachRemaining(field -> {
            JsonNode value = actual.path("profile").path(field.getKey());
            if (field.getValue().isNull()) {
                assertThat(value.isMissingNode() || value.isNull()).as(where + "\n  profile." + field.getKey())
                        .isTrue();
            } else if (field.getValue().isArray()) {
                List<String> values = new ArrayList<>();
                value.forEach(v -> values.add(v.asText()));
                List<String> wanted = new ArrayList<>();
                field.getValue().forEach(v -> wanted.add(v.asText()));
                assertThat(values).as(where + "\n  profile." + field.getKey()).containsAll(wanted);
            } else {
                assertThat(value.asText()).as(where + "\n  profile." + field.getKey())
                        .isEqualTo(resolve(field.getValue().asText()));
            }
        });
        expect.path("profile_lacks").fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            actual.path("profile").path(field.getKey()).forEach(v -> values.add(v.asText()));
            field.getValue().forEach(v -> assertThat(values).as(where + "\n  profile." + field.getKey() + " lacks")
                    .doesNotContain(v.asText()));
        });
        if (expect.has("recommendations")) {
            int count = actual.path("recommendations").size();
            if (expect.path("recommendations").asBoolean()) {
                assertThat(count).as(where + "\n  recommendations").isPositive();
            } else {
                assertThat(count).as(where + "\n  recommendations").isZero();
            }
        }
        for (JsonNode word : expect.path("recommendations_contain")) {
            assertThat(actual.path("recommendations").toString()).as(where).contains(word.asText());
        }
        if (expect.has("lead")) {
            assertThat(actual.path("lead").path("status").asText()).as(where + "\n  lead")
                    .isEqualTo(expect.path("lead").asText());
        }
        if (expect.has("deal_title")) {
            long dealId = actual.path("lead").path("deal_id").asLong();
            Deal deal = crm.deal(dealId);
            assertThat(deal.title()).as(where).isEqualTo(resolve(expect.path("deal_title").asText()));
            if (expect.has("deal_value")) {
                assertThat(deal.value().intValue()).as(where).isEqualTo(expect.path("deal_value").asInt());
            }
            if (expect.has("deal_email")) {
                assertThat(deal.email()).as(where + "\n  deal email").isEqualTo(expect.path("deal_email").asText(null));
            }
            if (expect.has("deal_phone")) {
                assertThat(deal.phone()).as(where + "\n  deal phone").isEqualTo(expect.path("deal_phone").asText(null));
            }
        }
        if (expect.has("min_score")) {
            assertThat(actual.path("lead").path("score").asInt()).as(where).isGreaterThanOrEqualTo(
                    expect.path("min_score").asInt());
        }
    }

    /** "{month:6}" → the next June (this one if it has not passed) as 2027-06; "{monthname:6}" → "Juni 2027". */
    static String resolve(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LocalDate today = LocalDate.now();
            YearMonth month = YearMonth.of(today.getYear(), Integer.parseInt(m.group(2)));
            if (month.isBefore(YearMonth.from(today))) {
                month = month.plusYears(1);
            }
            if (m.group(1).startsWith("plus")) {
                int n = Integer.parseInt(m.group(2));
                LocalDate then = m.group(1).equals("plusmonths") ? today.plusMonths(n) : today.plusWeeks(n);
                m.appendReplacement(out, YearMonth.from(then).toString());
                continue;
            }
            String value = switch (m.group(1)) {
                case "month" -> month.toString();
                case "monthname" -> month.getMonth().getDisplayName(TextStyle.FULL, Locale.GERMAN) + " " + month.getYear();
                case "monthname_en" -> month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
                default -> Integer.toString(month.getYear());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

}
