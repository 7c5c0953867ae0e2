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

    /** The template cut at its placeholders: literal text at even indexes, a placeholder's name at odd ones. */
    private final List<String> parts;
    private final ObjectMapper json;
    /** The shop's name, address and facts: the same in every prompt, written once. */
    private final String shopName;
    private final String shopAddress;
    private final String shopFacts;

    public PersonaPrompt(ShopKnowledge knowledge, ObjectMapper json) {
        this.json = json;
        this.shopName = knowledge.shop("name");
        this.shopAddress = knowledge.shop("address");
        this.shopFacts = knowledge.all().stream().map(e -> "- " + e.answer(true)).collect(Collectors.joining("\n"));
        try (InputStream in = PersonaPrompt.class.getResourceAsStream("/prompts/persona.de.md")) {
            if (in == null) {
                throw new IllegalStateException("prompts/persona.de.md is missing");
            }
            parts = cut(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prompt for this turn, written in one pass over the template (the prompt is built on every LLM turn). */
    public String render(Turn turn, List<FabricHit> fabrics, String guidance) {
        StringBuilder prompt = new StringBuilder(8192);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                prompt.append(part);
                continue;
            }
            prompt.append(switch (part) {
                case "shop_name" -> shopName;
                case "shop_address" -> shopAddress;
                case "language" -> turn.german() ? "Deutsch" : "English";
                case "shop_facts" -> shopFacts;
                case "profile" -> profile(turn.profile());
                case "phase" -> turn.phase().id();
                case "fabrics" -> fabrics.isEmpty() ? "(noch keine – erst wenn Anlass, Zeit und Budget bekannt sind)"
                        : fabrics.stream().map(h -> "- " + line(h.fabric())).collect(Collectors.joining("\n"));
                case "guidance" -> guidance;
                default -> "{{" + part + "}}"; // not ours: left as written
            });
        }
        return prompt.toString();
    }

    /** The template's placeholders, in order. */
    List<String> placeholders() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    /** "a {{x}} b" → ["a ", "x", " b"]. */
    static List<String> cut(String template) {
        List<String> parts = new java.util.ArrayList<>();
        int from = 0;
        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\{\\{([a-z_]+)}}").matcher(template);
        while (placeholder.find()) {
            parts.add(template.substring(from, placeholder.start()));
            parts.add(placeholder.group(1));
            from = placeholder.end();
        }
        parts.add(template.substring(from));
        return List.copyOf(parts);
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
