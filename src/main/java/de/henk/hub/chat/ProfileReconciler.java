package de.henk.hub.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One message read twice — by the language model (structured output) and by the rules — and made into one
 * reading. The model reads meaning first; the rules check it and stand in where it is silent:
 * <ul>
 *   <li>contact data (name, email, phone) only ever from the rules;</li>
 *   <li>numbers and dates: the rules' reading wins when they found one (they are exact about "2.500 €" and resolve
 *       "im Juni" against the clock), the model's counts only where the rules found none;</li>
 *   <li>occasion, garment, style, appointment wish: the model's, the rules' where the model said nothing;</li>
 *   <li>a no is a no: declined by the rules is declined, and so is the model's no unless the rules heard the
 *       customer go ahead in the same message; otherwise the model's intent — but never below a "buying" or an
 *       appointment wish the rules heard, and the model cannot withdraw an appointment wish;</li>
 *   <li>not a customer (spam, a job application, a competitor, a joke) by the rules is final; the model's counts
 *       unless the rules heard the customer go ahead;</li>
 *   <li>a call-back request ("bitte ruft mich an") is the rules' alone;</li>
 *   <li>colours, patterns, fabric wishes and styles ruled out: both readings together, and whatever either ruled
 *       out is never wished for ("bloß kein Schwarz", "keine Wolle", "nicht zu modern").</li>
 * </ul>
 * Where the two readings name different values, the field is reported as a disagreement (metrics, not logs: no
 * customer words leave this class).
 */
public final class ProfileReconciler {

    public record Reading(ConversationProfile profile, List<String> disagreements) { }

    public Reading reconcile(ConversationProfile rules, ConversationProfile model) {
        List<String> disagreements = new ArrayList<>();
        ConversationProfile.Builder one = ConversationProfile.builder();
        one.language(rules.language() != null ? rules.language() : model.language());
        one.occasion(modelFirst("occasion", model.occasion(), rules.occasion(), disagreements));
        one.garment(modelFirst("garment", model.garment(), rules.garment(), disagreements));
        List<String> avoidStyles = union(rules.avoidStyles(), model.avoidStyles());
        String style = modelFirst("style", model.style(), rules.style(), disagreements);
        // a style either reading ruled out is never the wish ("nicht zu modern" read as "modern")
        one.style(style != null && avoidStyles.contains(style) ? null : style).avoidStyles(avoidStyles);

        ConversationProfile numbers = rules.budgetEur() != null ? rules : model;
        if (rules.budgetEur() != null && model.budgetEur() != null && !rules.budgetEur().equals(model.budgetEur())) {
            disagreements.add("budget");
        }
        // how many garments a total was for: the rules' alone ("4000 für zwei Anzüge"), with their amount
        one.budget(numbers.budgetEur(), numbers.budgetMinEur()).quantity(rules.budgetEur() != null ? rules.quantity()
                : null).garmentCount(rules.garmentCount());
        if (numbers.budgetEur() == null && (Boolean.TRUE.equals(rules.openBudget())
                || Boolean.TRUE.equals(model.openBudget()))) {
            one.openBudget(true);
        }
        ConversationProfile when = rules.knowsTiming() ? rules : model;
        if (rules.knowsTiming() && model.knowsTiming() && !sameTiming(rules, model)) {
            disagreements.add("timing");
        }
        one.timing(when.eventDate(), when.eventMonth(), when.season(), when.dateFrom(), when.dateTo(),
                when.flexibleDate());

        List<String> avoidColours = union(rules.avoidColours(), model.avoidColours());
        List<String> avoidPatterns = union(rules.avoidPatterns(), model.avoidPatterns());
        one.colours(without(union(rules.colours(), model.colours()), avoidColours), avoidColours);
        one.patterns(without(union(rules.patterns(), model.patterns()), avoidPatterns), avoidPatterns);
        List<String> avoidFabrics = union(rules.avoidFabrics(), model.avoidFabrics());
        one.fabricWishes(without(union(rules.fabricWishes(), model.fabricWishes()), avoidFabrics));
        one.avoidFabrics(avoidFabrics);
        one.wantsCallback(rules.wantsCallback());

        one.contact(rules.name(), rules.email(), rules.phone());
        boolean rulesGoAhead = "buying".equals(rules.intent()) || Boolean.TRUE.equals(rules.wantsAppointment());
        if (rules.notACustomer() || model.notACustomer() && !rulesGoAhead && !rules.declined()) {
            if (!rules.notACustomer()) {
                disagreements.add("intent");
            }
            one.intent("not_a_customer");
        } else if (rules.declined() || model.declined() && !rulesGoAhead) {
            if (!rules.declined()) {
                disagreements.add("intent");
            }
            one.intent("declined").wantsAppointment(false);
        } else {
            // the model reads the intent, but never talks a customer out of what the rules heard them ask for
            // (a model's no against the rules' go-ahead — "Nein, nicht Juni, Juli!" — is a disagreement)
            one.intent(rulesGoAhead ? rulesFirst("intent", rules.intent(), model.intent(), disagreements)
                    : modelFirst("intent", model.intent(), rules.intent(), disagreements));
            // an appointment wish is kept once heard; only the rules' explicit no withdraws it
            one.wantsAppointment(Boolean.TRUE.equals(model.wantsAppointment()) ? Boolean.TRUE
                    : rules.wantsAppointment());
        }
        one.chosenFabric(rules.chosenFabric());
        return new Reading(one.build(), List.copyOf(disagreements));
    }

    private static <T> T modelFirst(String field, T model, T rules, List<String> disagreements) {
        if (model != null && rules != null && !Objects.equals(model, rules)) {
            disagreements.add(field);
        }
        return model != null ? model : rules;
    }

    private static <T> T rulesFirst(String field, T rules, T model, List<String> disagreements) {
        if (model != null && rules != null && !Objects.equals(model, rules) && !disagreements.contains(field)) {
            disagreements.add(field);
        }
        return rules != null ? rules : model;
    }

    private static boolean sameTiming(ConversationProfile a, ConversationProfile b) {
        return Objects.equals(a.eventDate(), b.eventDate()) && Objects.equals(a.eventMonth(), b.eventMonth())
                && Objects.equals(a.season(), b.season());
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** What is wished for, less what was ruled out. */
    static List<String> without(List<String> wanted, List<String> avoided) {
        return wanted.stream().filter(w -> !avoided.contains(w)).toList();
    }
}
