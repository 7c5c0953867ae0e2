package de.henk.hub.chat.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.catalog.Fabric;
import de.henk.hub.catalog.FabricHit;
import de.henk.hub.chat.ConversationProfile;
import de.henk.hub.chat.ShopKnowledge;
import de.henk.hub.chat.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * HENK's system prompt ({@code prompts/persona.de.md}): the persona, the shop's facts from the knowledge base, what
 * is known of the customer, the phase, fabrics retrieved from the catalogue for the profile, and the offline
 * concierge's reply as guidance. The customer's contact data stays out of it: the model needs to know only that
 * it was given.
 */
@Component
public class PersonaPrompt {

    private final String template;
    private final ShopKnowledge knowledge;
    private final ObjectMapper json;

    public PersonaPrompt(ShopKnowledge knowledge, ObjectMapper json) {
        this.knowledge = knowledge;
        this.json = json;
        try (InputStream in = PersonaPrompt.class.getResourceAsStream("/prompts/persona.de.md")) {
            if (in == null) {
                throw new IllegalStateException("prompts/persona.de.md is missing");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(Turn turn, List<FabricHit> fabrics, String guidance) {
        return template
                .replace("{{shop_name}}", knowledge.shop("name"))
                .replace("{{shop_address}}", knowledge.shop("address"))
                .replace("{{language}}", turn.german() ? "Deutsch" : "English")
                .replace("{{shop_facts}}", knowledge.all().stream().map(e -> "- " + e.answer(true))
                        .collect(Collectors.joining("\n")))
                .replace("{{profile}}", profile(turn.profile()))
                .replace("{{phase}}", turn.phase().id())
                .replace("{{fabrics}}", fabrics.isEmpty() ? "(noch keine – erst wenn Anlass, Zeit und Budget bekannt sind)"
                        : fabrics.stream().map(h -> "- " + line(h.fabric())).collect(Collectors.joining("\n")))
                .replace("{{guidance}}", guidance);
    }

    static String line(Fabric f) {
        return f.code() + ": „" + f.name() + "“ von " + f.mill() + ", " + f.composition() + ", "
                + f.weightGramsPerMetre() + " g/m, " + f.weave() + ", " + f.pattern() + ", " + f.colour()
                + ", Saison " + String.join("/", f.seasons()) + ", " + f.suitPriceEur() + " €";
    }

    private String profile(ConversationProfile profile) {
        boolean contact = profile.email() != null || profile.phone() != null;
        ConversationProfile withoutContact = profile.toBuilder().contact(null, null, null).build();
        try {
            return json.writeValueAsString(withoutContact) + (contact ? " (Kontaktdaten liegen vor)" : "");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
