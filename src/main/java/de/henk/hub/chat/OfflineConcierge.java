package de.henk.hub.chat;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HENK without a language model: deterministic German and English replies from the phase and the profile.
 * It acknowledges what it just learned and asks for the next missing thing — never for something it knows.
 */
public class OfflineConcierge {

    private static final Map<String, String[]> OCCASION_NAMES = Map.of(
            "wedding", new String[] {"eine Hochzeit", "a wedding"},
            "business", new String[] {"das Büro und Geschäftstermine", "business and the office"},
            "gala", new String[] {"eine Gala", "a black-tie evening"},
            "christening", new String[] {"eine Taufe", "a christening"},
            "prom", new String[] {"einen Abschlussball", "a prom"},
            "everyday", new String[] {"den Alltag", "everyday wear"});

    private static final Map<String, String[]> SEASON_NAMES = Map.of(
            "summer", new String[] {"Sommer", "summer"},
            "winter", new String[] {"Winter", "winter"},
            "spring", new String[] {"Frühling", "spring"},
            "autumn", new String[] {"Herbst", "autumn"});

    private static final Map<String, String> STYLE_STEMS_DE = Map.of(
            "classic", "klassisch", "modern", "modern", "casual", "lässig", "extravagant", "extravagant");

    public String reply(ConversationProfile before, ConversationProfile learned, ConversationProfile now, Phase phase) {
        boolean german = !"en".equals(now.language());
        List<String> parts = new ArrayList<>();
        if (before.equals(ConversationProfile.empty()) && learned.occasion() == null) {
            parts.add(german ? "Guten Tag, ich bin HENK, Ihr Concierge für Maßanzüge."
                    : "Hello, I am HENK, your made-to-measure concierge.");
        }
        String acknowledgement = acknowledge(before, learned, german);
        if (acknowledgement != null) {
            parts.add(acknowledgement);
        }
        parts.add(question(phase, now, german));
        return String.join(" ", parts);
    }

    private String acknowledge(ConversationProfile before, ConversationProfile learned, boolean german) {
        List<String> sentences = new ArrayList<>();
        if (learned.occasion() != null && !learned.occasion().equals(before.occasion())) {
            String name = OCCASION_NAMES.get(learned.occasion())[german ? 0 : 1];
            sentences.add(german ? "Wunderbar – ein Maßanzug für " + name + "!"
                    : "Wonderful – a made-to-measure suit for " + name + "!");
        }
        List<String> facts = new ArrayList<>();
        if (learned.budgetEur() != null) {
            facts.add(german ? "ein Budget von etwa " + euros(learned.budgetEur(), Locale.GERMANY)
                    : "a budget of about " + euros(learned.budgetEur(), Locale.UK));
        }
        if (learned.eventMonth() != null) {
            facts.add((german ? "der Termin im " : "the date in ") + month(learned.eventMonth(), german));
        } else if (learned.season() != null) {
            facts.add((german ? "der " : "the ") + SEASON_NAMES.get(learned.season())[german ? 0 : 1]);
        }
        if (learned.style() != null) {
            facts.add(german ? "ein eher " + STYLE_STEMS_DE.get(learned.style()) + "er Stil"
                    : "a rather " + learned.style() + " style");
        }
        if (!facts.isEmpty()) {
            sentences.add((german ? "Notiert: " : "Noted: ") + String.join(german ? " und " : " and ", facts) + ".");
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }

    private String question(Phase phase, ConversationProfile now, boolean german) {
        return switch (phase) {
            case NEEDS -> german
                    ? "Für welchen Anlass suchen Sie Ihren Anzug – Hochzeit, Business, Gala oder etwas anderes?"
                    : "What is the occasion for your suit – a wedding, business, a gala or something else?";
            case TIMING -> "wedding".equals(now.occasion())
                    ? (german ? "Für welche Jahreszeit oder welches Datum planen Sie die Hochzeit?"
                            : "In which season or on which date is the wedding?")
                    : (german ? "Bis wann brauchen Sie den Anzug – gibt es einen Termin oder eine Jahreszeit?"
                            : "When do you need the suit – is there a date or a season?");
            case BUDGET -> german
                    ? "Welches Budget haben Sie sich vorgestellt? Unsere Maßanzüge beginnen bei etwa 1.200 €."
                    : "What budget do you have in mind? Our made-to-measure suits start at about €1,200.";
            case STYLE -> german
                    ? "Welcher Stil gefällt Ihnen – eher klassisch, modern-tailliert oder lässig?"
                    : "Which style do you like – classic, modern and slim, or relaxed?";
            case CONTACT -> german
                    ? "Damit haben wir ein gutes Bild. Möchten Sie einen Termin zum Maßnehmen vereinbaren? "
                      + "Dann kümmert sich unser Team persönlich um Sie."
                    : "That gives us a good picture. Would you like to book a measurement appointment? "
                      + "Our team will then take care of you personally.";
        };
    }

    private static String euros(int amount, Locale locale) {
        NumberFormat format = NumberFormat.getIntegerInstance(locale);
        return locale == Locale.GERMANY ? format.format(amount) + " €" : "€" + format.format(amount);
    }

    private static String month(String isoMonth, boolean german) {
        YearMonth month = YearMonth.parse(isoMonth);
        return month.getMonth().getDisplayName(TextStyle.FULL, german ? Locale.GERMAN : Locale.ENGLISH) + " "
                + month.getYear();
    }
}
