package de.henk.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Profile extraction by a language model as structured output: the JSON schema the model must answer in (every
 * field in the profile's own vocabulary) and the reading of its answer, which keeps only what is well-formed —
 * known words, an amount only when the message has digits, a date or month only in the next two years. Contact
 * data is not part of the schema: names, emails and phone numbers come from the rules alone.
 */
public final class StructuredProfile {

    private static final List<String> SEASONS = List.of("spring", "summer", "autumn", "winter");
    private static final List<String> INTENTS = List.of("interested", "buying", "browsing", "declined",
            "not_a_customer");
    private static final Pattern DIGITS = Pattern.compile("\\d");

    private StructuredProfile() { }

    /** {@code response_format} of the extraction request: a JSON schema named {@code conversation_profile}. */
    public static ResponseFormat responseFormat() {
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addEnumProperty("language", List.of("de", "en"), "Sprache der Nachricht")
                .addEnumProperty("occasion", ProfileExtractor.vocabulary("occasion"), "Anlass")
                .addStringProperty("event_date", "Tag des Anlasses, YYYY-MM-DD, nur wenn ein Tag genannt ist")
                .addStringProperty("event_month", "Monat des Anlasses, YYYY-MM")
                .addEnumProperty("season", SEASONS, "Jahreszeit des Anlasses, wenn kein Monat genannt ist")
                .addIntegerProperty("budget_eur", "Obergrenze des Budgets in Euro")
                .addIntegerProperty("budget_min_eur", "Untergrenze, nur bei einer Spanne")
                .addBooleanProperty("open_budget", "true nur, wenn der Kunde ausdrücklich keine Obergrenze setzt "
                        + "(Geld spielt keine Rolle, no budget limit)")
                .addEnumProperty("garment", ProfileExtractor.vocabulary("garment"), "gewünschtes Kleidungsstück")
                .addEnumProperty("style", ProfileExtractor.vocabulary("style"), "Stil")
                .addProperty("avoid_styles", words("style", "ausdrücklich unerwünschte Stile (nicht zu modern)"))
                .addProperty("colours", words("colour", "gewünschte Farben"))
                .addProperty("avoid_colours", words("colour", "ausdrücklich unerwünschte Farben"))
                .addProperty("patterns", words("pattern", "gewünschte Muster"))
                .addProperty("avoid_patterns", words("pattern", "ausdrücklich unerwünschte Muster"))
                .addProperty("fabric_wishes", words("fabric_wish", "Wünsche an den Stoff"))
                .addProperty("avoid_fabrics", words("fabric_wish", "ausdrücklich unerwünschte Materialien (keine Wolle)"))
                .addEnumProperty("intent", INTENTS,
                        "interested: sucht/interessiert sich; buying: will bestellen oder einen Termin; "
                                + "browsing: schaut sich nur um; declined: lehnt ab; not_a_customer: Werbung, Bewerbung, "
                                + "Mitbewerber oder Scherz")
                .addBooleanProperty("wants_appointment", "möchte einen Termin (Maßnehmen, Beratung)")
                .additionalProperties(false)
                .build();
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("conversation_profile").rootElement(root).build()).build();
    }

    private static JsonArraySchema words(String vocabulary, String description) {
        return JsonArraySchema.builder().description(description)
                .items(JsonEnumSchema.builder().enumValues(ProfileExtractor.vocabulary(vocabulary)).build()).build();
    }

    /** What the model's answer says that is well-formed; everything else is left out. */
    /** The reading's system message: today's date and what HENK asked last ("2500" then answers it). */
    public static String instructions(LocalDate today, String asked) {
        return EXTRACTION_PROMPT.replace("{{today}}", today.toString())
                .replace("{{asked}}", asked == null ? "noch nichts" : asked);
    }

    /** The model's answer text (bare JSON, or JSON in a Markdown fence) as a profile; fails when it is none. */
    public static ConversationProfile read(String modelText, String message, LocalDate today) throws IOException {
        if (modelText == null || modelText.isBlank()) {
            throw new IllegalStateException("empty extraction");
        }
        return read(JSON.readTree(FENCE.matcher(modelText).replaceAll("").strip()), message, today);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("(?s)^\\s*```(json)?|```\\s*$");

    private static final String EXTRACTION_PROMPT = """
            Du liest die Nachricht eines Kunden an eine Maßschneiderei und füllst das JSON-Schema
            conversation_profile aus: nur was die Nachricht eindeutig sagt, sonst das Feld weglassen. Nichts erfinden.
            Heute ist {{today}}. Daten relativ dazu auflösen: "im Juni" ist der nächste Juni (event_month YYYY-MM),
            ein genannter Tag ist event_date (YYYY-MM-DD). Beträge in ganzen Euro ("bis 3k" = 3000, "zwischen 1500
            und 2000": budget_min_eur 1500, budget_eur 2000). Farben und Muster nur aus den erlaubten Werten;
            ausgeschlossene ("bloß kein Schwarz") gehören in avoid_colours bzw. avoid_patterns, ein ausgeschlossener
            Stil ("nicht zu modern", "nichts Ausgefallenes") in avoid_styles, nicht in style.
            HENK hat zuletzt gefragt nach: {{asked}} (eine nackte Zahl ist dann die Antwort darauf).
            Keine Namen, E-Mail-Adressen oder Telefonnummern.""";

    public static ConversationProfile read(JsonNode answer, String message, LocalDate today) {
        ConversationProfile.Builder profile = ConversationProfile.builder();
        profile.language(oneOf(answer, "language", List.of("de", "en")));
        profile.occasion(oneOf(answer, "occasion", ProfileExtractor.vocabulary("occasion")));
        profile.garment(oneOf(answer, "garment", ProfileExtractor.vocabulary("garment")));
        List<String> avoidStyles = all(answer, "avoid_styles", "style");
        String style = oneOf(answer, "style", ProfileExtractor.vocabulary("style"));
        profile.style(style != null && avoidStyles.contains(style) ? null : style).avoidStyles(avoidStyles);
        if (DIGITS.matcher(message).find()) {
            Integer max = amount(answer.path("budget_eur"));
            Integer min = amount(answer.path("budget_min_eur"));
            if (max != null) {
                profile.budget(max, min != null && min < max ? min : null);
            }
        }
        if (answer.path("open_budget").asBoolean(false) && !answer.path("budget_eur").isNumber()) {
            profile.openBudget(true);
        }
        timing(answer, today, profile);
        List<String> avoidColours = all(answer, "avoid_colours", "colour");
        List<String> avoidPatterns = all(answer, "avoid_patterns", "pattern");
        profile.colours(ProfileReconciler.without(all(answer, "colours", "colour"), avoidColours), avoidColours);
        profile.patterns(ProfileReconciler.without(all(answer, "patterns", "pattern"), avoidPatterns), avoidPatterns);
        List<String> avoidFabrics = all(answer, "avoid_fabrics", "fabric_wish");
        profile.fabricWishes(ProfileReconciler.without(all(answer, "fabric_wishes", "fabric_wish"), avoidFabrics));
        profile.avoidFabrics(avoidFabrics);
        String intent = oneOf(answer, "intent", INTENTS);
        profile.intent(intent);
        if (answer.path("wants_appointment").asBoolean(false)) {
            // only a wish counts: "false" from a model is mostly "not mentioned", and must not erase an earlier wish
            profile.wantsAppointment(true);
        }
        if ("declined".equals(intent)) {
            profile.wantsAppointment(false);
        }
        return profile.build();
    }

    private static void timing(JsonNode answer, LocalDate today, ConversationProfile.Builder profile) {
        LocalDate latest = today.plusMonths(24);
        try {
            String day = answer.path("event_date").asText(null);
            if (day != null && !day.isBlank()) {
                LocalDate date = LocalDate.parse(day.strip());
                if (!date.isBefore(today) && !date.isAfter(latest)) {
                    profile.timing(date.toString(), YearMonth.from(date).toString(),
                            ProfileExtractor.seasonOf(date.getMonth()), date.toString(), date.toString(), null);
                    return;
                }
            }
        } catch (DateTimeParseException ignored) {
            // not a day: the month may still be there
        }
        try {
            String month = answer.path("event_month").asText(null);
            if (month != null && !month.isBlank()) {
                YearMonth ym = YearMonth.parse(month.strip());
                if (!ym.isBefore(YearMonth.from(today)) && !ym.isAfter(YearMonth.from(latest))) {
                    profile.timing(null, ym.toString(), ProfileExtractor.seasonOf(ym.getMonth()),
                            ym.atDay(1).toString(), ym.atEndOfMonth().toString(), null);
                    return;
                }
            }
        } catch (DateTimeParseException ignored) {
            // not a month: the season may still be there
        }
        String season = oneOf(answer, "season", SEASONS);
        if (season != null) {
            LocalDate[] range = ProfileExtractor.seasonRange(season, today, false);
            profile.timing(null, null, season, range[0].toString(), range[1].toString(), null);
        }
    }

    private static Integer amount(JsonNode value) {
        if (!value.canConvertToInt()) {
            return null;
        }
        int amount = value.asInt();
        return amount >= 100 && amount <= 100_000 ? amount : null;
    }

    private static String oneOf(JsonNode answer, String field, List<String> allowed) {
        String value = answer.path(field).asText(null);
        return value != null && allowed.contains(value) ? value : null;
    }

    private static List<String> all(JsonNode answer, String field, String vocabulary) {
        List<String> allowed = ProfileExtractor.vocabulary(vocabulary);
        List<String> found = new ArrayList<>();
        for (JsonNode value : answer.path(field)) {
            if (value.isTextual() && allowed.contains(value.asText()) && !found.contains(value.asText())) {
                found.add(value.asText());
            }
        }
        return List.copyOf(found);
    }
}
