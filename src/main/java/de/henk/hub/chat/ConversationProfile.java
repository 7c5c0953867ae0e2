package de.henk.hub.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What HENK has understood so far, persisted with the session (and, for a signed-in customer, across sessions)
 * and returned with every chat turn. Dates are resolved relative to the day they were said: "im Juni" is the next
 * June ({@code event_month} "2027-06", {@code date_from}..{@code date_to} its first and last day); a day is
 * {@code event_date}. {@code budget_eur} is the ceiling the customer named ("bis 3k", "zwischen 1500 und 2000" →
 * 2000, with {@code budget_min_eur} 1500). Colours are German catalogue words ("schwarz", "marineblau"), patterns
 * the catalogue's names ("Nadelstreifen"); fabric wishes are ids ({@code light}, {@code linen},
 * {@code crease-resistant}, …). {@code chosen_fabric} is the article code of a proposed cloth the customer picked ("der
 * zweite gefällt mir"). {@code avoid_fabrics} are materials ruled out ("keine Wolle": {@code wool}). {@code wants_callback}: the customer asked to be called or written to ("bitte ruft mich an"). {@code intent} is {@code interested} ("ich suche…"), {@code buying} (wants to go ahead), {@code browsing}, {@code declined}, or {@code not_a_customer} (spam, a job application, a competitor, a joke). {@code open_budget}: the customer set no ceiling ("Geld spielt
 * keine Rolle", "no budget limit"); an amount named later replaces it, and it replaces an earlier amount.
 * {@code avoid_styles} are styles ruled out ("nicht zu modern", "bloß nichts Ausgefallenes", "not too flashy").
 * {@code quantity}: how many garments a budget said as a total is for ("5000 insgesamt für alle drei Anzüge":
 * {@code budget_eur} 1666 per garment, quantity 3, {@link BudgetShare}); absent for one. It goes with the budget.
 * {@code garment_count}: how many garments the customer wants ("drei Anzüge": 3; absent for one), so that a total said
 * later ("insgesamt 4500") is shared among them too.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConversationProfile(String language, String occasion, String eventDate, String eventMonth,
                                  String season, String dateFrom, String dateTo, Boolean flexibleDate,
                                  Integer budgetEur, Integer budgetMinEur, String garment, String style,
                                  List<String> colours, List<String> avoidColours, List<String> patterns,
                                  List<String> avoidPatterns, List<String> fabricWishes, String name, String email,
                                  String phone, String intent, Boolean wantsAppointment, String chosenFabric,
                                  List<String> avoidFabrics, Boolean wantsCallback, Boolean openBudget,
                                  List<String> avoidStyles, Integer quantity, Integer garmentCount) {

    public ConversationProfile {
        colours = list(colours);
        avoidColours = list(avoidColours);
        patterns = list(patterns);
        avoidPatterns = list(avoidPatterns);
        fabricWishes = list(fabricWishes);
        avoidFabrics = list(avoidFabrics);
        avoidStyles = list(avoidStyles);
    }

    public static ConversationProfile empty() { return new Builder().build(); }

    /** Newer facts win; what the customer did not mention this turn stays as it was; wishes accumulate. */
    public ConversationProfile mergedWith(ConversationProfile newer) {
        Builder merged = toBuilder();
        if (newer.language != null) merged.language = newer.language;
        if (newer.occasion != null) merged.occasion = newer.occasion;
        if (newer.knowsTiming() && !narrowerThan(newer)) {
            // a new date replaces the whole old one: "doch erst im September" is not "Juni and September"
            merged.eventDate = newer.eventDate;
            merged.eventMonth = newer.eventMonth;
            merged.season = newer.season;
            merged.dateFrom = newer.dateFrom;
            merged.dateTo = newer.dateTo;
            merged.flexibleDate = newer.flexibleDate;
        }
        if (newer.budgetEur != null) {
            merged.budgetEur = newer.budgetEur;
            merged.budgetMinEur = newer.budgetMinEur;
            merged.quantity = newer.quantity;
            merged.openBudget = null;
        } else if (Boolean.TRUE.equals(newer.openBudget)) {
            merged.budgetEur = null;
            merged.budgetMinEur = null;
            merged.quantity = null;
            merged.openBudget = true;
        }
        if (newer.garment != null) merged.garment = newer.garment;
        if (newer.garmentCount != null) merged.garmentCount = newer.garmentCount;
        if (newer.style != null) merged.style = newer.style;
        // "gern modern", then "doch nicht zu modern": the style ruled out is no longer wished, and wished again not ruled out
        merged.avoidStyles = wish(avoidStyles, newer.avoidStyles, newer.style == null ? List.of() : List.of(newer.style));
        if (merged.style != null && newer.avoidStyles.contains(merged.style)) merged.style = null;
        merged.colours = wish(colours, newer.colours, newer.avoidColours);
        merged.avoidColours = wish(avoidColours, newer.avoidColours, newer.colours);
        merged.patterns = wish(patterns, newer.patterns, newer.avoidPatterns);
        // plain and patterned exclude each other: "Streifen", then "doch lieber uni" wants plain cloth only
        if (newer.patterns.contains("uni")) {
            merged.patterns.removeIf(p -> !p.equals("uni") && !newer.patterns.contains(p));
        } else if (!newer.patterns.isEmpty()) {
            merged.patterns.remove("uni");
        }
        merged.avoidPatterns = wish(avoidPatterns, newer.avoidPatterns, newer.patterns);
        merged.fabricWishes = wish(fabricWishes, newer.fabricWishes, newer.avoidFabrics);
        merged.avoidFabrics = wish(avoidFabrics, newer.avoidFabrics, newer.fabricWishes);
        merged.fabricWishes = PriceLean.merged(this, newer, merged.fabricWishes);
        if (newer.name != null) merged.name = newer.name;
        if (newer.email != null) merged.email = newer.email;
        if (newer.phone != null) merged.phone = newer.phone;
        // a spammer, job seeker or competitor does not become a customer by asking about suits in the same chat
        boolean stillNoCustomer = notACustomer() && newer.intent != null && !newer.declined();
        if (newer.intent != null && !("interested".equals(newer.intent) && "buying".equals(intent)) && !stillNoCustomer) {
            merged.intent = newer.intent;
        }
        if (newer.wantsAppointment != null && !stillNoCustomer) merged.wantsAppointment = newer.wantsAppointment;
        if (newer.chosenFabric != null) merged.chosenFabric = newer.chosenFabric;
        if (newer.wantsCallback != null && !stillNoCustomer) merged.wantsCallback = newer.wantsCallback;
        return merged.build();
    }

    /**
     * This profile's day or month lies within the season the newer one names, and that is all it names: "gern
     * etwas Sommerliches" after "im August" keeps August.
     */
    private boolean narrowerThan(ConversationProfile newer) {
        return newer.eventDate == null && newer.eventMonth == null && newer.season != null
                && (eventDate != null || eventMonth != null) && newer.season.equals(season) && dateFrom != null
                && newer.dateFrom != null && newer.dateTo != null && dateFrom.compareTo(newer.dateFrom) >= 0
                && dateFrom.compareTo(newer.dateTo) <= 0;
    }

    /** The customer named a day, a month, a season or said the date is open. */
    public boolean knowsTiming() {
        return eventDate != null || eventMonth != null || season != null || Boolean.TRUE.equals(flexibleDate);
    }

    /** A concrete event: a day or a month (a season alone is vaguer). */
    public boolean knowsEventDate() {
        return eventDate != null || eventMonth != null;
    }

    /** An amount, or no ceiling at all: nothing left to ask about the budget. */
    public boolean knowsBudget() {
        return budgetEur != null || Boolean.TRUE.equals(openBudget);
    }

    public boolean knowsLook() {
        return style != null || !colours.isEmpty() || !patterns.isEmpty() || !avoidColours.isEmpty()
                || !avoidPatterns.isEmpty() || !avoidStyles.isEmpty();
    }

    public boolean declined() {
        return "declined".equals(intent);
    }

    /** Spam, a job application, a competitor, a joke: nobody to hand to the sales team. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean notACustomer() {
        return "not_a_customer".equals(intent);
    }

    /** Nothing learned at all (a greeting, a joke). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return equals(empty().toBuilder().language(language).build());
    }

    /** This message told nothing about the wish itself (language, intent and appointment aside). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean hasNoFacts() {
        return toBuilder().language(null).intent(null).wantsAppointment(null).wantsCallback(null).build()
                .equals(empty());
    }

    /** What a customer who comes back in a new session still wants: the opportunity only while it lies ahead. */
    public ConversationProfile remembered(String today) {
        boolean passed = dateTo != null && dateTo.compareTo(today) < 0;
        Builder kept = toBuilder().intent(null).wantsAppointment(null).wantsCallback(null);
        if (passed) {
            kept.occasion(null).timing(null, null, null, null, null, null).budget(null, null).quantity(null)
                    .garmentCount(null).openBudget(null);
        }
        return kept.build();
    }

    private static List<String> wish(List<String> old, List<String> added, List<String> revoked) {
        Set<String> result = new LinkedHashSet<>(old);
        // a family ruled out takes its members along: "keine Streifen" revokes "Nadelstreifen", "kein Blau" "marineblau"
        result.removeIf(w -> revoked.stream().anyMatch(r -> w.equals(r)
                || w.toLowerCase(java.util.Locale.GERMAN).endsWith(r.toLowerCase(java.util.Locale.GERMAN))));
        result.addAll(added);
        return new ArrayList<>(result);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.language = language; b.occasion = occasion; b.eventDate = eventDate; b.eventMonth = eventMonth;
        b.season = season; b.dateFrom = dateFrom; b.dateTo = dateTo; b.flexibleDate = flexibleDate;
        b.budgetEur = budgetEur; b.budgetMinEur = budgetMinEur; b.garment = garment; b.style = style;
        b.colours = colours; b.avoidColours = avoidColours; b.patterns = patterns; b.avoidPatterns = avoidPatterns;
        b.fabricWishes = fabricWishes; b.name = name; b.email = email; b.phone = phone; b.intent = intent;
        b.wantsAppointment = wantsAppointment; b.chosenFabric = chosenFabric; b.avoidFabrics = avoidFabrics;
        b.wantsCallback = wantsCallback; b.openBudget = openBudget; b.avoidStyles = avoidStyles; b.quantity = quantity;
        b.garmentCount = garmentCount;
        return b;
    }

    public static Builder builder() { return new Builder(); }

    /** Mutable while one message is read; {@link #build()} freezes it. */
    public static final class Builder {
        private String language, occasion, eventDate, eventMonth, season, dateFrom, dateTo;
        private Boolean flexibleDate;
        private Integer budgetEur, budgetMinEur, quantity, garmentCount;
        private String garment, style;
        private List<String> colours = List.of(), avoidColours = List.of(), patterns = List.of(),
                avoidPatterns = List.of(), fabricWishes = List.of(), avoidFabrics = List.of(), avoidStyles = List.of();
        private String name, email, phone, intent;
        private Boolean wantsAppointment;
        private String chosenFabric;
        private Boolean wantsCallback, openBudget;

        public Builder language(String v) { language = v; return this; }
        public Builder occasion(String v) { occasion = v; return this; }
        public Builder timing(String date, String month, String season, String from, String to, Boolean flexible) {
            eventDate = date; eventMonth = month; this.season = season; dateFrom = from; dateTo = to;
            flexibleDate = flexible;
            return this;
        }
        public Builder budget(Integer max, Integer min) { budgetEur = max; budgetMinEur = min; return this; }
        public Builder quantity(Integer v) { quantity = v; return this; }
        public Builder garmentCount(Integer v) { garmentCount = v; return this; }
        public Builder garment(String v) { garment = v; return this; }
        public Builder style(String v) { style = v; return this; }
        public Builder avoidStyles(List<String> v) { avoidStyles = v; return this; }
        public Builder colours(List<String> wanted, List<String> avoided) {
            colours = wanted; avoidColours = avoided; return this;
        }
        public Builder patterns(List<String> wanted, List<String> avoided) {
            patterns = wanted; avoidPatterns = avoided; return this;
        }
        public Builder fabricWishes(List<String> v) { fabricWishes = v; return this; }
        public Builder avoidFabrics(List<String> v) { avoidFabrics = v; return this; }
        public Builder wantsCallback(Boolean v) { wantsCallback = v; return this; }
        public Builder openBudget(Boolean v) { openBudget = v; return this; }
        public Builder contact(String name, String email, String phone) {
            this.name = name; this.email = email; this.phone = phone; return this;
        }
        public Builder intent(String v) { intent = v; return this; }
        public Builder wantsAppointment(Boolean v) { wantsAppointment = v; return this; }
        public Builder chosenFabric(String code) { chosenFabric = code; return this; }

        public ConversationProfile build() {
            return new ConversationProfile(language, occasion, eventDate, eventMonth, season, dateFrom, dateTo,
                    flexibleDate, budgetEur, budgetMinEur, garment, style, colours, avoidColours, patterns,
                    avoidPatterns, fabricWishes, name, email, phone, intent, wantsAppointment, chosenFabric,
                    avoidFabrics, wantsCallback, openBudget, avoidStyles, quantity, garmentCount);
        }
    }
}
