package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a conversation is a serious lead, with a score and its reasons (German, for the sales team). Qualified
 * means: the go-ahead, a budget or an event date, and a way to reach the customer (an account, or an email or
 * phone given in the chat) — and the customer has not said no. The go-ahead is any of: an appointment wish, a
 * request to be called back or written to, an order, contact data left when HENK offered the appointment — or
 * contact data volunteered together with a concrete need (an occasion or a garment, plus a budget or a date), which
 * counts at once, however early in the conversation. A request for a person of the team, or a time picked that could
 * not be booked without an account, with an email or phone left in the chat, is enough by itself: the team calls
 * back or confirms the time ({@link TeamAsked}). Browsing, a no (also one said later), spam, job seekers,
 * competitors and jokes never qualify, not even with an email address. {@link Assessment#why()} is the sentence
 * the sales team reads in the deal note.
 */
public class LeadQualifier {

    public static final int QUALIFYING_SCORE = 50;

    /** Where made-to-measure starts for each garment: a budget from there on fits the garment. */
    private final EntryPrices prices;

    public LeadQualifier(EntryPrices prices) {
        this.prices = prices;
    }

    private static final Map<String, String> OCCASION_TITLES = Map.of(
            "wedding", "Hochzeits-", "business", "Business-", "gala", "Gala-", "christening", "Tauf-",
            "prom", "Abiball-", "everyday", "Alltags-", "mourning", "Trauer-", "celebration", "Fest-");
    private static final Map<String, String> GARMENT_TITLES = Map.of(
            "suit", "Anzug", "three-piece", "Dreiteiler", "tuxedo", "Smoking", "jacket", "Sakko",
            "trousers", "Hose", "vest", "Weste", "coat", "Mantel", "shirt", "Hemd");
    private static final Map<String, String> SEASONS_DE = Map.of(
            "summer", "Sommer", "winter", "Winter", "spring", "Frühjahr", "autumn", "Herbst");

    /** The assessment: {@code qualified} means a lead should exist; {@code contactEmail} is where it goes. */
    public record Assessment(boolean qualified, int score, List<String> reasons, String contactEmail) {

        /** Why the conversation is (or is not) a lead, for the deal note: "Qualifiziert, weil: Rückruf gewünscht, …". */
        public String why() {
            return (qualified ? "Qualifiziert, weil: " : "Nicht qualifiziert: ") + String.join(", ", reasons);
        }
    }

    static final String VOLUNTEERED = "Kontaktdaten mit konkretem Bedarf hinterlassen";
    static final String CALLBACK = "möchte zurückgerufen werden";
    static final String PERSON = "möchte mit einem Mitarbeiter sprechen";
    static final String TIME_PICKED = "Wunschtermin gewählt";

    /**
     * {@code previousPhase} is what HENK asked last: contact data volunteered with mere interest count as the wish
     * to go ahead only once HENK has offered the appointment and the customer did not say no.
     */
    public Assessment assess(ConversationProfile p, Caller caller, ConversationState state, Phase previousPhase,
                             LocalDate today) {
        return assess(p, caller, state, previousPhase, today, TeamAsked.NOTHING);
    }

    /**
     * What the customer asked of the team beside the profile: a person to talk to ({@code person}), or a time they
     * picked and could not book without an account ({@code time}: held now, or picked in this message). Either, with
     * an email or phone left in the chat, is the go-ahead and enough to hand over — the team calls back or confirms
     * the time — without a budget or an event date.
     */
    public record TeamAsked(boolean person, boolean time) {
        public static final TeamAsked NOTHING = new TeamAsked(false, false);
    }

    public Assessment assess(ConversationProfile p, Caller caller, ConversationState state, Phase previousPhase,
                             LocalDate today, TeamAsked asked) {
        List<String> reasons = new ArrayList<>();
        int score = 0;
        boolean leftContact = p.email() != null || p.phone() != null;
        boolean teamToCall = leftContact && (asked.person() || asked.time());
        // "ich suche" is interest; a lead needs the wish to go ahead: an appointment, an order, or contact data
        // the customer left when HENK offered the appointment
        boolean concreteNeed = (p.occasion() != null || p.garment() != null)
                && (p.knowsBudget() || p.knowsEventDate());
        boolean volunteered = leftContact && concreteNeed && !"browsing".equals(p.intent());
        boolean intent = "buying".equals(p.intent()) || Boolean.TRUE.equals(p.wantsAppointment())
                || Boolean.TRUE.equals(p.wantsCallback()) || volunteered
                || "interested".equals(p.intent()) && leftContact && previousPhase == Phase.CONTACT || teamToCall;
        if (p.notACustomer()) {
            return new Assessment(false, 0, List.of("keine Kundenanfrage (Werbung, Bewerbung, Mitbewerber oder Scherz)"),
                    null);
        }
        if (Boolean.TRUE.equals(p.wantsCallback())) {
            score += 20;
            reasons.add(CALLBACK);
            if (Boolean.TRUE.equals(p.wantsAppointment())) {
                reasons.add("möchte einen Termin");
            }
        } else if (Boolean.TRUE.equals(p.wantsAppointment())) {
            score += 20;
            reasons.add("möchte einen Termin");
        } else if ("buying".equals(p.intent())) {
            score += 20;
            reasons.add("Kaufabsicht geäußert");
        } else if (volunteered) {
            score += 20;
            reasons.add(VOLUNTEERED);
        } else if ("interested".equals(p.intent())) {
            score += 10;
            reasons.add("Interesse geäußert");
        }
        if (asked.person()) {
            score += 20;
            reasons.add(PERSON);
        }
        if (asked.time()) {
            score += 20;
            reasons.add(TIME_PICKED);
        }
        if (p.occasion() != null) {
            score += 10;
            reasons.add("Anlass bekannt");
        }
        if (p.knowsEventDate()) {
            score += 15;
            reasons.add("Termin bekannt");
            if (p.dateTo() != null && !LocalDate.parse(p.dateTo()).isAfter(today.plusMonths(6))) {
                score += 5;
                reasons.add("Termin in den nächsten 6 Monaten");
            }
        } else if (p.season() != null) {
            score += 8;
            reasons.add("Jahreszeit bekannt");
        }
        if (p.budgetEur() != null) {
            score += 15;
            reasons.add("Budget genannt");
            Integer from = prices.from(p.garment());
            if (from != null && p.budgetEur() >= from) {
                score += 5;
                reasons.add("Budget passt zu " + (p.garment() == null ? "einem Maßanzug"
                        : GARMENT_TITLES.getOrDefault(p.garment(), p.garment()) + " (ab "
                        + ConciergeNames.euros(from, true) + ")"));
            }
        } else if (p.knowsBudget()) {
            // no ceiling: as good a sign as a budget that fits a made-to-measure suit
            score += 20;
            reasons.add("Budget offen (keine Obergrenze)");
        }
        if (p.garment() != null || p.knowsLook() || !p.fabricWishes().isEmpty()) {
            score += 5;
            reasons.add("konkrete Wünsche");
        }
        boolean reachable = caller.authenticated() || p.email() != null || p.phone() != null;
        if (caller.authenticated()) {
            score += 15;
            reasons.add("angemeldeter Kunde");
        } else if (p.email() != null || p.phone() != null) {
            score += 15;
            reasons.add("Kontaktdaten angegeben");
        }
        if (state.turns() >= 3) {
            score += 5;
            reasons.add("aktives Gespräch");
        }
        if ("browsing".equals(p.intent())) {
            score = Math.max(0, score - 30);
            reasons.add("informiert sich nur");
        }
        if (p.declined()) {
            reasons.add("möchte keinen Kontakt");
            return new Assessment(false, 0, List.copyOf(reasons), null);
        }
        score = Math.min(100, score);
        String email = caller.authenticated() && caller.email() != null ? caller.email() : p.email();
        boolean qualified = intent && (p.knowsBudget() || p.knowsEventDate() || teamToCall) && reachable
                && (score >= QUALIFYING_SCORE || teamToCall) && !"browsing".equals(p.intent());
        return new Assessment(qualified, score, List.copyOf(reasons), email);
    }

    /** "Hochzeits-Anzug Juni 2027", "Gala-Smoking Winter 2026", "Business-Dreiteiler". */
    public static String dealTitle(ConversationProfile p) {
        String occasion = p.occasion() == null ? "" : OCCASION_TITLES.get(p.occasion());
        String garment = GARMENT_TITLES.getOrDefault(p.garment() == null ? "suit" : p.garment(), "Anzug");
        if ("gala".equals(p.occasion()) && "tuxedo".equals(p.garment())) {
            occasion = "Gala-";
        }
        String title = occasion.isEmpty() ? "Maß-" + garment.toLowerCase(Locale.GERMAN) : occasion + garment;
        if (occasion.isEmpty()) {
            title = "Maß" + garment.toLowerCase(Locale.GERMAN);
        }
        if (p.eventMonth() != null) {
            YearMonth month = YearMonth.parse(p.eventMonth());
            title += " " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.GERMAN) + " " + month.getYear();
        } else if (p.season() != null && p.dateFrom() != null) {
            title += " " + SEASONS_DE.get(p.season()) + " " + LocalDate.parse(p.dateFrom()).getYear();
        }
        return title;
    }

    /**
     * One opportunity = one customer (account, else email, else phone) + occasion + when. Hashed, so no personal
     * data ends up in the idempotency key.
     */
    public static String opportunityKey(ConversationProfile p, Caller caller) {
        String who = caller.authenticated() ? "user:" + caller.userId()
                : p.email() != null ? "email:" + p.email() : "phone:" + p.phone();
        String when = p.eventMonth() != null ? p.eventMonth() : p.season() != null ? p.season() + "@" + p.dateFrom() : "open";
        return sha256(who) + ":" + (p.occasion() == null ? "any" : p.occasion()) + ":" + when;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
