package de.henk.hub.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The shop's facts HENK answers off the dialogue's path — prices, delivery times, the process, fittings, where
 * the atelier is — from {@code knowledge/shop.yaml}, plus a little small talk. Only questions get facts ("Was
 * kostet ein Maßanzug?"); a budget statement ("darf 2000 € kosten") is not a question about prices.
 */
@Component
public class ShopKnowledge {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern QUESTION = Pattern.compile(
            "\\?|^\\W*(wie|was|wann|wo|welche\\p{L}*|wieviel\\p{L}*|gibt es|kann|könnt|können|muss|bieten|habt|haben sie|"
                    + "how|what|when|where|which|do you|does|can|is there|are there|could)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The fact answering a request for a person (knowledge/shop.yaml id). */
    static final String PERSON = "human";

    /** The small talk of a customer taking leave ("ok bye", "tschüss"): HENK closes, asks nothing more. */
    static final String GOODBYE = "goodbye";

    /** One fact: why it is asked for, and the answer in both languages. */
    public record Entry(String id, List<Pattern> asks, boolean anytime, String german, String english) {
        boolean askedBy(String text) {
            // for a person: the same judgement that hands the chat to the team ("mein Berater" is no request)
            return PERSON.equals(id) && de.henk.hub.handoff.PersonRequest.in(text)
                    || asks.stream().anyMatch(p -> p.matcher(text).find());
        }

        public String answer(boolean german) {
            return german ? this.german : english;
        }
    }

    /**
     * How long made-to-measure takes from the choice of cloth to the handover ({@code weeksFrom} to {@code weeksTo}),
     * and the express service: {@code expressWeeks} for {@code expressSurchargePercent} more.
     */
    public record LeadTime(int weeksFrom, int weeksTo, int expressWeeks, int expressSurchargePercent) { }

    private final List<Entry> facts;
    private final List<Entry> smalltalk;
    private final Map<String, Object> shop;
    private final LeadTime leadTime;

    @SuppressWarnings("unchecked")
    public ShopKnowledge() {
        try (InputStream in = ShopKnowledge.class.getResourceAsStream("/knowledge/shop.yaml")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/shop.yaml is missing");
            }
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            shop = (Map<String, Object>) yaml.get("shop");
            facts = entries((List<Map<String, Object>>) yaml.get("entries"), false);
            smalltalk = entries((List<Map<String, Object>>) yaml.get("smalltalk"), true);
            leadTime = new LeadTime(weeks("lead_time_weeks_from"), weeks("lead_time_weeks_to"), weeks("express_weeks"),
                    weeks("express_surcharge_percent"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Entry> entries(List<Map<String, Object>> raw, boolean anytime) {
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> e : raw) {
            @SuppressWarnings("unchecked")
            List<Pattern> asks = ((List<String>) e.get("ask")).stream()
                    .map(a -> Pattern.compile("(?<![\\p{L}\\d])(?:" + a + ")(?![\\p{L}\\d])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                    .toList();
            entries.add(new Entry((String) e.get("id"), asks, anytime || Boolean.TRUE.equals(e.get("anytime")),
                    ((String) e.get("de")).strip(), ((String) e.get("en")).strip()));
        }
        return List.copyOf(entries);
    }

    /** The facts a message asks for (at most two), in the order of the knowledge base. */
    public List<Entry> answering(String message) {
        String text = Umlauts.restore(message.toLowerCase(java.util.Locale.GERMAN));
        boolean question = QUESTION.matcher(text).find();
        return facts.stream().filter(e -> (question || e.anytime()) && e.askedBy(text)).limit(2).toList();
    }

    /** Small talk the message is (a joke, thanks), if any — only short messages are small talk. */
    public List<Entry> smalltalk(String message) {
        String text = Umlauts.restore(message.toLowerCase(java.util.Locale.GERMAN));
        if (WHITESPACE.split(text).length > 8) {
            return List.of();
        }
        return smalltalk.stream().filter(e -> e.askedBy(text)).limit(1).toList();
    }

    /** Every fact, for the LLM's persona prompt. */
    public List<Entry> all() {
        return facts;
    }

    public LeadTime leadTime() {
        return leadTime;
    }

    private int weeks(String key) {
        if (!(shop.get(key) instanceof Integer value)) {
            throw new IllegalStateException("knowledge/shop.yaml: shop." + key + " must be a whole number");
        }
        return value;
    }

    public String shop(String key) {
        Object value = shop.get(key);
        return value == null ? "" : value.toString();
    }
}
