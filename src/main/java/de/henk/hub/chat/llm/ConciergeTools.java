package de.henk.hub.chat.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.appointments.AppointmentBook;
import de.henk.hub.catalog.FabricHit;
import de.henk.hub.chat.ConversationProfile;
import de.henk.hub.chat.FabricAdvisor;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The only things the LLM can do: search the fabric catalogue (within the customer's own limits — season, budget,
 * occasion, garment and ruled-out colours always apply) and look at free measuring times in the appointment book. Both are read-only and
 * public; nothing reachable from a prompt can read other customers, deals or accounts, or change anything. Any
 * other tool name gets an error text, never an action.
 */
@Component
public class ConciergeTools {

    public static final String SEARCH_FABRICS = "search_fabrics";
    public static final String APPOINTMENT_AVAILABILITY = "appointment_availability";

    private final FabricAdvisor advisor;
    private final AppointmentBook appointments;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public ConciergeTools(FabricAdvisor advisor, AppointmentBook appointments, Clock clock) {
        this.advisor = advisor;
        this.appointments = appointments;
        this.clock = clock;
    }

    public List<ToolSpecification> specifications() {
        return List.of(
                ToolSpecification.builder().name(SEARCH_FABRICS)
                        .description("Sucht Stoffe im Katalog der Schneiderei. Die Wünsche des Kunden (Saison, Budget, "
                                + "Anlass, Kleidungsstück, ausgeschlossene Farben) gelten immer.")
                        .parameters(JsonObjectSchema.builder()
                                .addStringProperty("query", "Freitext auf Deutsch oder Englisch, z. B. 'leichtes Leinen'")
                                .addStringProperty("colour", "eine Farbe, z. B. 'blau', 'anthrazit'")
                                .addIntegerProperty("max_price_eur", "Höchstpreis in Euro (nie über dem Budget)")
                                .required("query").build())
                        .build(),
                ToolSpecification.builder().name(APPOINTMENT_AVAILABILITY)
                        .description("Freie Zeiten zum Maßnehmen im Atelier an den nächsten Öffnungstagen (nur "
                                + "lesen, bucht nichts).")
                        .parameters(JsonObjectSchema.builder()
                                .addStringProperty("from_date", "frühestes Datum, YYYY-MM-DD (optional)").build())
                        .build());
    }

    /** Runs one tool call for this customer; the result is text for the model. */
    public String execute(ToolExecutionRequest request, ConversationProfile profile) {
        JsonNode args;
        try {
            args = request.arguments() == null || request.arguments().isBlank() ? json.createObjectNode()
                    : json.readTree(request.arguments());
        } catch (Exception e) {
            return "Fehler: die Argumente sind kein gültiges JSON.";
        }
        return switch (request.name() == null ? "" : request.name()) {
            case SEARCH_FABRICS -> searchFabrics(args, profile);
            case APPOINTMENT_AVAILABILITY -> availability(args);
            default -> "Fehler: unbekanntes Werkzeug. Verfügbar sind nur " + SEARCH_FABRICS + " und "
                    + APPOINTMENT_AVAILABILITY + ".";
        };
    }

    private String searchFabrics(JsonNode args, ConversationProfile profile) {
        ConversationProfile.Builder narrowed = profile.toBuilder();
        String colour = args.path("colour").asText(null);
        if (colour != null && !colour.isBlank() && !profile.avoidColours().contains(colour.toLowerCase(Locale.GERMAN))) {
            List<String> colours = new ArrayList<>(List.of(colour.toLowerCase(Locale.GERMAN)));
            narrowed.colours(colours, profile.avoidColours());
        }
        if (args.path("max_price_eur").canConvertToInt() && args.path("max_price_eur").asInt() > 0) {
            int max = args.path("max_price_eur").asInt();
            narrowed.budget(profile.budgetEur() == null ? max : Math.min(max, profile.budgetEur()), null);
        }
        String query = args.path("query").asText("");
        List<FabricHit> hits;
        try {
            hits = advisor.recommend(narrowed.build(), query.length() > 200 ? query.substring(0, 200) : query, 5);
        } catch (RuntimeException e) {
            return "Fehler: " + e.getMessage();
        }
        if (hits.isEmpty()) {
            return "Keine passenden Stoffe im Katalog.";
        }
        return hits.stream().map(h -> PersonaPrompt.line(h.fabric())).collect(Collectors.joining("\n"));
    }

    private String availability(JsonNode args) {
        LocalDate from = LocalDate.now(clock);
        try {
            if (args.hasNonNull("from_date")) {
                LocalDate wanted = LocalDate.parse(args.path("from_date").asText());
                from = wanted.isAfter(from) ? wanted : from;
            }
        } catch (RuntimeException ignored) {
            // an unreadable date means "as soon as possible"
        }
        List<String> free = new ArrayList<>();
        for (LocalDate day = from; free.size() < 5 && day.isBefore(from.plusDays(21)); day = day.plusDays(1)) {
            try {
                List<LocalTime> times = appointments.availability(day.toString(), "measurement");
                if (!times.isEmpty()) {
                    free.add(day + " (" + day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                            Locale.GERMAN) + "): " + times.stream().limit(6).map(LocalTime::toString)
                            .collect(Collectors.joining(", ")));
                }
            } catch (RuntimeException closed) {
                // a day the atelier is closed, or one too far ahead: no times
            }
        }
        return free.isEmpty() ? "Keine freien Zeiten zum Maßnehmen in den nächsten drei Wochen."
                : "Freie Zeiten zum Maßnehmen (das Team bestätigt den Termin):\n" + String.join("\n", free);
    }
}
