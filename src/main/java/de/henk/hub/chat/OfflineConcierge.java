package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentType;
import de.henk.hub.catalog.Fabric;
import de.henk.hub.catalog.FabricHit;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HENK without a language model: deterministic German and English replies from the turn — the phase, the
 * profile, the shop facts asked for, the fabrics and the lead. It acknowledges what it just learned, answers the
 * question the customer asked, then asks for the next missing thing — never for something it knows.
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

    private static final Map<String, String[]> GARMENT_NAMES = Map.of(
            "suit", new String[] {"Maßanzug", "made-to-measure suit"},
            "three-piece", new String[] {"Dreiteiler", "three-piece suit"},
            "tuxedo", new String[] {"Smoking", "tuxedo"},
            "jacket", new String[] {"Sakko", "jacket"},
            "trousers", new String[] {"Hose", "pair of trousers"},
            "vest", new String[] {"Weste", "waistcoat"},
            "coat", new String[] {"Mantel", "coat"},
            "shirt", new String[] {"Maßhemd", "made-to-measure shirt"});

    private static final Map<String, String[]> PRICE_LABELS = Map.of(
            "tuxedo", new String[] {"als Smoking", "as a tuxedo"},
            "jacket", new String[] {"als Sakko", "as a jacket"},
            "trousers", new String[] {"als Hose", "as trousers"},
            "coat", new String[] {"als Mantel", "as a coat"},
            "shirt", new String[] {"als Hemd", "as a shirt"},
            "vest", new String[] {"als Weste", "as a waistcoat"});

    private static final Map<String, String> STYLE_STEMS_DE = Map.of(
            "classic", "klassisch", "modern", "modern", "casual", "lässig", "extravagant", "extravagant",
            "formal", "festlich");

    private static final Map<String, String[]> WISH_NAMES = Map.ofEntries(
            Map.entry("light", new String[] {"leichter Stoff", "a light cloth"}),
            Map.entry("linen", new String[] {"Leinen", "linen"}),
            Map.entry("crease-resistant", new String[] {"knitterarm", "crease-resistant"}),
            Map.entry("wool", new String[] {"Schurwolle", "wool"}),
            Map.entry("cotton", new String[] {"Baumwolle", "cotton"}),
            Map.entry("cashmere", new String[] {"Kaschmir", "cashmere"}),
            Map.entry("silk", new String[] {"Seide", "silk"}),
            Map.entry("mohair", new String[] {"Mohair", "mohair"}),
            Map.entry("flannel", new String[] {"Flanell", "flannel"}),
            Map.entry("tweed", new String[] {"Tweed", "tweed"}),
            Map.entry("warm", new String[] {"ein wärmerer Stoff", "a warmer cloth"}),
            Map.entry("stretch", new String[] {"bequem mit Stretch", "comfortable stretch"}));

    private static final int MIN_SUIT_PRICE = 1190;

    public String reply(Turn turn) {
        boolean de = turn.german();
        List<String> parts = new ArrayList<>();
        ConversationProfile learned = turn.learned();

        if (turn.firstTurn()) {
            parts.add(greeting(turn, de));
        }
        turn.smalltalk().forEach(e -> parts.add(e.answer(de)));

        if (learned.declined()) {
            parts.add(de ? "Selbstverständlich, ganz wie Sie möchten – ich gebe nichts weiter und niemand wird Sie "
                    + "kontaktieren. Wenn Sie später Fragen zu Stoffen, Preisen oder Terminen haben, bin ich gern für Sie da."
                    : "Of course, just as you wish – I will not pass anything on and nobody will contact you. If you "
                    + "have questions about cloth, prices or appointments later, I am happy to help.");
            turn.facts().forEach(e -> parts.add(e.answer(de)));
            return String.join(" ", parts);
        }
        if (learned.notACustomer() && turn.profile().notACustomer()) {
            // spam, a job application, a competitor, a joke: answered kindly, nothing handed to the sales team
            parts.add(de ? "Ich bin HENKs Berater für Maßkleidung und gebe aus dem Chat nur Anfragen von Kundinnen und "
                    + "Kunden an unser Team weiter. Für Bewerbungen, Angebote und geschäftliche Anfragen nutzen Sie bitte "
                    + "unsere Kontaktseite. Wenn Sie selbst einen Anzug suchen, helfe ich Ihnen gern."
                    : "I am HENK's adviser for made-to-measure clothing and only pass customers' requests on to our "
                    + "team. For job applications, offers and business enquiries please use our contact page. If you "
                    + "are looking for a suit yourself, I am happy to help.");
            return String.join(" ", parts);
        }
        if ("browsing".equals(learned.intent())) {
            parts.add(de ? "Sehr gern – schauen Sie sich in aller Ruhe um, ganz ohne Verpflichtung."
                    : "Of course – take your time and look around, no obligation at all.");
        }
        String acknowledgement = acknowledge(turn, de);
        if (acknowledgement != null) {
            parts.add(acknowledgement);
        }
        turn.facts().forEach(e -> parts.add(e.answer(de)));
        if (turn.lead().createdNow()) {
            parts.add(handover(turn, de));
        }
        ChatAppointment calendar = turn.appointment();
        if (calendar != null) {
            parts.add(calendar(calendar, turn, de));
        }
        String next;
        if (asksAboutTheCalendar(calendar)) {
            // the times are this turn's question; only a missing way to reach the customer is asked besides
            next = "qualified".equals(turn.lead().status()) ? contact(turn, de) : null;
        } else {
            next = calendar != null && turn.phase().ordinal() >= Phase.CONTACT.ordinal() ? null : next(turn, de);
        }
        if (next != null) {
            parts.add(next);
        }
        return String.join(" ", parts);
    }

    /** Times on offer are the one question of this turn. */
    private static boolean asksAboutTheCalendar(ChatAppointment calendar) {
        return calendar != null && (ChatAppointment.OFFERED.equals(calendar.status())
                || ChatAppointment.TAKEN.equals(calendar.status())
                || ChatAppointment.SIGN_IN_REQUIRED.equals(calendar.status()));
    }

    /** Free times, a booking, a time just taken, or the way to book without an account. */
    private static String calendar(ChatAppointment calendar, Turn turn, boolean de) {
        String label = AppointmentType.of(calendar.type()).label(de ? "de" : "en");
        boolean reachable = turn.profile().email() != null || turn.profile().phone() != null;
        String withoutAccount = turn.signedIn() ? "" : reachable
                ? (de ? " Wenn Sie sich anmelden, buche ich ihn sofort verbindlich – sonst bestätigt Ihnen unser Team"
                + " den Termin, wenn es sich bei Ihnen meldet."
                : " If you sign in, I book it for you right away – otherwise our team confirms it when they get in touch.")
                : (de ? " Zum verbindlichen Buchen melden Sie sich bitte an oder registrieren Sie sich kurz – oder"
                + " hinterlassen Sie mir Ihre E-Mail-Adresse oder Telefonnummer, dann trägt unser Team Sie ein."
                : " To book it for you, please sign in or register quickly – or leave me your email address or phone"
                + " number and our team will put you down.");
        return switch (calendar.status()) {
            case ChatAppointment.BOOKED -> de
                    ? "Ihr Termin steht: " + label + " am " + ChatAppointments.describe(calendar.chosen(), true)
                    + " in unserem Atelier. Die Bestätigung mit Kalendereintrag kommt per E-Mail; absagen können Sie"
                    + " online unter „Meine Termine“."
                    : "You are booked: " + label.toLowerCase(Locale.ROOT) + " on "
                    + ChatAppointments.describe(calendar.chosen(), false) + " at our atelier. The confirmation with a"
                    + " calendar invitation is on its way by email; you can cancel online under \"My appointments\".";
            case ChatAppointment.OFFERED -> (de ? "Gern! Freie Termine für „" + label + "“: "
                    : "With pleasure! Free times for " + label.toLowerCase(Locale.ROOT) + ": ")
                    + numbered(calendar.slots(), de) + (de ? ". Welcher passt Ihnen?" : ". Which one suits you?")
                    + withoutAccount;
            case ChatAppointment.TAKEN -> (de ? ChatAppointments.describe(calendar.chosen(), true)
                    + " ist leider gerade nicht mehr frei. Frei wären noch: "
                    : ChatAppointments.describe(calendar.chosen(), false)
                    + " is unfortunately no longer available. Still free: ")
                    + numbered(calendar.slots(), de) + (de ? ". Passt Ihnen einer davon?" : ". Would one of these suit you?");
            case ChatAppointment.SIGN_IN_REQUIRED -> de
                    ? ChatAppointments.describe(calendar.chosen(), true) + " – sehr gern, den halte ich für Sie fest."
                    + " Damit ich ihn verbindlich buchen kann, melden Sie sich bitte an oder registrieren Sie sich kurz;"
                    + " danach genügt hier ein „Ja“." + (reachable ? " Sonst bestätigt Ihnen unser Team den Termin."
                    : " Oder hinterlassen Sie mir Ihre E-Mail-Adresse oder Telefonnummer, dann trägt unser Team Sie ein.")
                    : ChatAppointments.describe(calendar.chosen(), false) + " – gladly, I will keep it for you. To book"
                    + " it, please sign in or register quickly; then a \"yes\" here is enough." + (reachable
                    ? " Otherwise our team will confirm it with you."
                    : " Or leave me your email address or phone number and our team will put you down.");
            default -> de
                    ? "In den nächsten Wochen finde ich dafür leider keinen freien Termin – nennen Sie mir gern einen"
                    + " anderen Tag, oder unser Team meldet sich mit weiteren Möglichkeiten."
                    : "I cannot find a free time for this in the coming weeks – tell me another day, or our team"
                    + " will get back to you with more options.";
        };
    }

    private static String numbered(List<OfferedSlot> slots, boolean de) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            items.add((i + 1) + ") " + ChatAppointments.describe(slots.get(i), de));
        }
        return String.join("; ", items);
    }

    private String greeting(Turn turn, boolean de) {
        Turn.Returning returning = turn.returning();
        if (returning != null) {
            String name = returning.name() == null ? "" : ", " + returning.name();
            StringBuilder text = new StringBuilder(de ? "Schön, dass Sie wieder da sind" + name + "!"
                    : "Good to see you again" + name + "!");
            String remembered = summary(returning.remembered(), de);
            if (remembered != null) {
                text.append(de ? " Ich habe noch im Kopf: " : " I remember: ").append(remembered).append('.');
            }
            if (!returning.openDeals().isEmpty()) {
                text.append(de ? " Ihre Anfrage „" + String.join("“, „", returning.openDeals())
                        + "“ liegt bei unserem Team in guten Händen."
                        : " Your request \"" + String.join("\", \"", returning.openDeals())
                        + "\" is in good hands with our team.");
            }
            if (!returning.appointments().isEmpty()) {
                text.append(de ? " Wir sehen uns: " + String.join(" und ", returning.appointments()) + "."
                        : " See you at: " + String.join(" and ", returning.appointments()) + ".");
            }
            return text.toString();
        }
        if (turn.learned().occasion() == null) {
            return de ? "Guten Tag, ich bin HENK, Ihr Concierge für Maßanzüge."
                    : "Hello, I am HENK, your made-to-measure concierge.";
        }
        return de ? "Guten Tag, ich bin HENK." : "Hello, I am HENK.";
    }

    /** "Anzug für eine Hochzeit im Juni 2027, Budget etwa 2.500 €" — what the hub remembers. */
    static String summary(ConversationProfile p, boolean de) {
        List<String> facts = new ArrayList<>();
        if (p.occasion() != null) {
            String garment = GARMENT_NAMES.getOrDefault(p.garment() == null ? "suit" : p.garment(),
                    GARMENT_NAMES.get("suit"))[de ? 0 : 1];
            facts.add(garment + (de ? " für " : " for ") + OCCASION_NAMES.get(p.occasion())[de ? 0 : 1]
                    + (p.eventMonth() != null ? (de ? " im " : " in ") + month(p.eventMonth(), de) : ""));
        }
        if (p.budgetEur() != null) {
            facts.add((de ? "Budget etwa " : "a budget of about ") + euros(p.budgetEur(), de));
        }
        if (p.style() != null) {
            facts.add(de ? "Stil " + STYLE_STEMS_DE.getOrDefault(p.style(), p.style()) : p.style() + " style");
        }
        if (!p.colours().isEmpty()) {
            facts.add((de ? "gern in " : "preferably in ") + String.join(de ? " oder " : " or ", p.colours()));
        }
        if (!p.avoidColours().isEmpty()) {
            facts.add((de ? "kein " : "no ") + String.join(de ? " und kein " : " and no ", capitalised(p.avoidColours())));
        }
        return facts.isEmpty() ? null : String.join(", ", facts);
    }

    private String acknowledge(Turn turn, boolean de) {
        ConversationProfile before = turn.before();
        ConversationProfile learned = turn.learned();
        List<String> sentences = new ArrayList<>();
        if (learned.occasion() != null && !learned.occasion().equals(before.occasion())) {
            String garment = GARMENT_NAMES.getOrDefault(
                    turn.profile().garment() == null ? "suit" : turn.profile().garment(), GARMENT_NAMES.get("suit"))[de ? 0 : 1];
            String article = de ? ("Hose".equals(garment) || "Weste".equals(garment) ? "eine " : "ein ")
                    : (garment.startsWith("a") ? "an " : "a ");
            sentences.add(de ? "Wunderbar – " + article + garment + " für " + OCCASION_NAMES.get(learned.occasion())[0] + "!"
                    : "Wonderful – " + article + garment + " for " + OCCASION_NAMES.get(learned.occasion())[1] + "!");
        }
        List<String> facts = new ArrayList<>();
        if (learned.budgetEur() != null && !learned.budgetEur().equals(before.budgetEur())) {
            if (learned.budgetMinEur() != null) {
                facts.add(de ? "ein Budget zwischen " + euros(learned.budgetMinEur(), true) + " und "
                        + euros(learned.budgetEur(), true)
                        : "a budget between " + euros(learned.budgetMinEur(), false) + " and "
                        + euros(learned.budgetEur(), false));
            } else {
                facts.add(de ? "ein Budget von etwa " + euros(learned.budgetEur(), true)
                        : "a budget of about " + euros(learned.budgetEur(), false));
            }
        }
        if (learned.eventDate() != null) {
            facts.add((de ? "der Termin am " : "the date on ") + day(learned.eventDate(), de));
        } else if (learned.eventMonth() != null) {
            facts.add((de ? "der Termin im " : "the date in ") + month(learned.eventMonth(), de));
        } else if (learned.season() != null) {
            facts.add((de ? "der " : "") + SEASON_NAMES.get(learned.season())[de ? 0 : 1]
                    + (learned.dateFrom() != null ? " " + LocalDate.parse(learned.dateFrom()).getYear() : ""));
        } else if (Boolean.TRUE.equals(learned.flexibleDate())) {
            facts.add(de ? "kein fester Termin" : "no fixed date");
        }
        if (learned.garment() != null && learned.occasion() == null && !learned.garment().equals(before.garment())
                && !learned.garment().equals("suit")) {
            facts.add((de ? "ein " : "a ") + GARMENT_NAMES.get(learned.garment())[de ? 0 : 1]);
        }
        if (learned.style() != null) {
            facts.add(de ? "ein eher " + STYLE_STEMS_DE.getOrDefault(learned.style(), learned.style()) + "er Stil"
                    : "a rather " + learned.style() + " style");
        }
        if (!learned.colours().isEmpty()) {
            facts.add((de ? "gern in " : "preferably in ") + String.join(de ? " oder " : " or ", english(learned.colours(), de)));
        }
        if (!learned.patterns().isEmpty()) {
            facts.add((de ? "Muster: " : "pattern: ") + String.join(", ", de ? learned.patterns()
                    : learned.patterns().stream().map(OfflineConcierge::pattern).toList()));
        }
        if (!learned.avoidColours().isEmpty()) {
            facts.add(de ? "bloß kein " + String.join(" und kein ", capitalised(learned.avoidColours()))
                    : "no " + String.join(" and no ", english(learned.avoidColours(), false)));
        }
        if (!learned.avoidPatterns().isEmpty()) {
            facts.add((de ? "keine " : "no ") + String.join(de ? " und keine " : " and no ", de ? learned.avoidPatterns()
                    : learned.avoidPatterns().stream().map(OfflineConcierge::pattern).toList()));
        }
        if (!learned.fabricWishes().isEmpty()) {
            facts.add(String.join(", ", learned.fabricWishes().stream()
                    .map(w -> WISH_NAMES.getOrDefault(w, new String[] {w, w})[de ? 0 : 1]).toList()));
        }
        if (learned.chosenFabric() != null) {
            facts.add(de ? "Ihre Wahl " + learned.chosenFabric() + " – ein sehr schöner Stoff"
                    : "your choice " + learned.chosenFabric() + " – a lovely cloth");
        }
        if (learned.email() != null || learned.phone() != null) {
            facts.add(de ? "Ihre Kontaktdaten" : "your contact details");
        }
        if (!facts.isEmpty()) {
            sentences.add((de ? "Notiert: " : "Noted: ") + String.join(de ? " und " : " and ", facts) + ".");
        }
        if (learned.budgetEur() != null && learned.budgetEur() < MIN_SUIT_PRICE && isSuit(turn.profile())) {
            sentences.add(de ? "Ehrlich gesagt: Unsere Maßanzüge beginnen bei 1.190 € – darunter kann ich Ihnen "
                    + "leider keinen Anzug anbieten, wohl aber ein Maßhemd ab 149 €."
                    : "To be honest: our made-to-measure suits start at €1,190 – below that I cannot offer a suit, "
                    + "but a made-to-measure shirt from €149.");
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }

    private static boolean isSuit(ConversationProfile p) {
        return p.garment() == null || p.garment().equals("suit") || p.garment().equals("three-piece")
                || p.garment().equals("tuxedo");
    }

    /** What comes next: the phase's question, the fabric proposal, or the way to the team. */
    private String next(Turn turn, boolean de) {
        ConversationProfile now = turn.profile();
        boolean askedOnly = !turn.facts().isEmpty() && turn.learned().isEmpty();
        String lead = askedOnly && turn.phase() == turn.previousPhase() && turn.phase() != Phase.FABRIC
                ? (de ? "Und damit ich Sie gut beraten kann: " : "And so that I can advise you well: ") : "";
        String question = switch (turn.phase()) {
            case NEEDS -> turn.smalltalk().isEmpty() || !turn.firstTurn()
                    ? (de ? "Wie kann ich Ihnen helfen – suchen Sie einen Anzug, ein Sakko oder einen Smoking, und zu welchem Anlass?"
                    : "How can I help – are you looking for a suit, a jacket or a tuxedo, and for which occasion?")
                    : (de ? "Und wenn Sie einen Maßanzug suchen: Zu welchem Anlass darf es sein?"
                    : "And if you are looking for a made-to-measure suit: what is the occasion?");
            case OCCASION -> de
                    ? "Für welchen Anlass soll " + articleDe(now) + " sein – Hochzeit, Business, Gala oder etwas anderes?"
                    : "What is the occasion – a wedding, business, a gala or something else?";
            case TIMING -> "wedding".equals(now.occasion())
                    ? (de ? "Für welche Jahreszeit oder welches Datum planen Sie die Hochzeit?"
                    : "In which season or on which date is the wedding?")
                    : (de ? "Bis wann brauchen Sie " + articleAccusativeDe(now) + " – gibt es einen Termin oder eine Jahreszeit?"
                    : "When do you need it – is there a date or a season?");
            case BUDGET -> de
                    ? "Welches Budget haben Sie sich vorgestellt? Unsere Maßanzüge beginnen bei 1.190 €."
                    : "What budget do you have in mind? Our made-to-measure suits start at €1,190.";
            case STYLE -> de
                    ? "Welcher Stil gefällt Ihnen – eher klassisch, modern-tailliert oder lässig? Und gibt es Farben "
                      + "oder Muster, die Sie mögen – oder gar nicht mögen?"
                    : "Which style do you like – classic, modern and slim, or relaxed? And are there colours or "
                      + "patterns you like – or dislike?";
            case FABRIC -> proposal(turn, de);
            case CONTACT -> contact(turn, de);
            case HANDED_OVER -> turn.lead().createdNow() ? null
                    : (de ? "Unser Team ist informiert und meldet sich bei Ihnen. Kann ich Ihnen bis dahin noch etwas beantworten?"
                    : "Our team has your request and will be in touch. Is there anything I can answer in the meantime?");
        };
        if (turn.phase() != Phase.FABRIC && !turn.recommendations().isEmpty()) {
            String fabrics = proposal(turn, de);
            return question == null ? fabrics : fabrics + " " + lead + question;
        }
        return question == null ? null : lead + question;
    }

    private String proposal(Turn turn, boolean de) {
        List<FabricHit> hits = turn.recommendations();
        if (hits.isEmpty()) {
            ConversationProfile p = turn.profile();
            if (p.budgetEur() != null && p.budgetEur() < MIN_SUIT_PRICE) {
                return de ? "Mit diesem Budget finde ich im Katalog leider keinen passenden Stoff. Wollen wir über "
                        + "einen Maßanzug ab 1.190 € sprechen, oder darf es ein Maßhemd sein?"
                        : "With this budget I cannot find a matching cloth in our catalogue. Shall we talk about a "
                        + "suit from €1,190, or would a made-to-measure shirt do?";
            }
            return de ? "Für genau diese Kombination habe ich im Katalog leider nichts gefunden – wollen wir bei "
                    + "Farbe oder Budget etwas offener sein?"
                    : "I could not find a cloth for exactly this combination – shall we be a little more open on "
                    + "colour or budget?";
        }
        StringBuilder text = new StringBuilder(de ? "Aus unserem Sortiment passen dazu besonders: "
                : "From our collection these would suit you best: ");
        for (int i = 0; i < hits.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(describe(hits.get(i).fabric(), turn, de));
        }
        text.append('.');
        List<String> unmet = FabricAdvisor.unmet(turn.profile(), hits);
        if (!unmet.isEmpty()) {
            text.append(' ').append(unmet(unmet, turn.profile(), de));
        }
        text.append(de ? " Gefällt Ihnen einer davon – oder soll ich in eine andere Richtung suchen?"
                : " Do you like one of them – or shall I look in another direction?");
        return text.toString();
    }

    /** "Klassisch in Bordeaux habe ich im Rahmen Ihres Budgets nicht – diese kommen Ihrem Wunsch am nächsten." */
    private static String unmet(List<String> unmet, ConversationProfile p, boolean de) {
        List<String> what = new ArrayList<>();
        for (String wish : unmet) {
            switch (wish) {
                case "style" -> what.add(de ? "im Stil „" + STYLE_STEMS_DE.getOrDefault(p.style(), p.style()) + "“"
                        : "in a " + p.style() + " style");
                case "colour" -> what.add(de ? "in " + String.join(" oder ", p.colours())
                        : "in " + String.join(" or ", p.colours()));
                case "material" -> what.add(de ? "aus " + String.join(" oder ", p.fabricWishes().stream()
                                .filter(ProfileExtractor.MATERIALS::contains).map(w -> WISH_NAMES.get(w)[0]).toList())
                        : "in " + String.join(" or ", p.fabricWishes().stream()
                                .filter(ProfileExtractor.MATERIALS::contains).map(w -> WISH_NAMES.get(w)[1]).toList()));
                default -> { }
            }
        }
        return de ? "Einen Stoff " + String.join(" und ", what) + " habe ich innerhalb Ihrer übrigen Wünsche leider "
                + "nicht – diese kommen Ihrem Wunsch am nächsten."
                : "I have no cloth " + String.join(" and ", what) + " within your other wishes – these come closest.";
    }

    private static String describe(Fabric f, Turn turn, boolean de) {
        String garment = turn.profile().garment();
        String[] label = PRICE_LABELS.getOrDefault(garment == null ? "suit" : garment,
                new String[] {"als Maßanzug", "as a suit"});
        return (de ? "„" + f.name() + "“ von " : "\"" + f.name() + "\" by ") + f.mill() + " (" + f.code() + "): "
                + (de ? f.colour() : f.colourEn()) + ", " + (de ? f.pattern() : pattern(f.pattern())) + ", "
                + f.weightGramsPerMetre() + " g/m, " + f.composition() + " – " + label[de ? 0 : 1] + " "
                + euros(f.suitPriceEur(), de);
    }

    private static String pattern(String pattern) {
        return switch (pattern) {
            case "uni" -> "plain";
            case "Nadelstreifen" -> "pinstripe";
            case "Streifen" -> "stripes";
            case "Fischgrat" -> "herringbone";
            case "Karo" -> "checks";
            case "Glencheck" -> "glen check";
            case "Kreidestreifen" -> "chalk stripe";
            case "Pepita", "Hahnentritt" -> "houndstooth";
            default -> pattern;
        };
    }

    private String contact(Turn turn, boolean de) {
        LeadStatus lead = turn.lead();
        ConversationProfile p = turn.profile();
        if ("qualified".equals(lead.status())) {
            return de ? "Damit unser Team Ihnen den Termin bestätigen kann: Unter welcher E-Mail-Adresse erreichen wir Sie?"
                    : "So that our team can confirm the appointment: which email address can we reach you at?";
        }
        if (turn.signedIn() || p.email() != null || p.phone() != null) {
            return de ? "Damit haben wir ein gutes Bild. Möchten Sie einen Termin zum Maßnehmen vereinbaren? "
                    + "Dann kümmert sich unser Team persönlich um Sie."
                    : "That gives us a good picture. Would you like to book a measurement appointment? "
                    + "Our team will then take care of you personally.";
        }
        return de ? "Damit haben wir ein gutes Bild. Möchten Sie einen Termin zum Maßnehmen vereinbaren? Dann "
                + "hinterlassen Sie mir Ihre E-Mail-Adresse oder Telefonnummer, und unser Team meldet sich persönlich."
                : "That gives us a good picture. Would you like to book a measurement appointment? Then leave me "
                + "your email address or phone number and our team will get in touch personally.";
    }

    private String handover(Turn turn, boolean de) {
        if (turn.appointment() != null && ChatAppointment.BOOKED.equals(turn.appointment().status())) {
            return de ? "Ich habe Ihre Anfrage an unser Team übergeben." : "I have passed your request on to our team.";
        }
        ConversationProfile p = turn.profile();
        if (!turn.signedIn() && p.email() == null && p.phone() != null) {
            // known only by phone: say how the team will reach them
            return de ? "Ich habe Ihre Anfrage an unser Team übergeben – ein Schneider ruft Sie in Kürze unter "
                    + p.phone() + " an, um den Termin zum Maßnehmen abzustimmen."
                    : "I have passed your request on to our team – one of our tailors will call you shortly on "
                    + p.phone() + " to arrange the measurement appointment.";
        }
        return de ? "Ich habe Ihre Anfrage an unser Team übergeben – ein Schneider meldet sich in Kürze persönlich "
                + "bei Ihnen, um den Termin zum Maßnehmen abzustimmen."
                : "I have passed your request on to our team – one of our tailors will contact you shortly to "
                + "arrange the measurement appointment.";
    }

    private static String articleDe(ConversationProfile p) {
        String garment = GARMENT_NAMES.getOrDefault(p.garment() == null ? "suit" : p.garment(), GARMENT_NAMES.get("suit"))[0];
        return ("Hose".equals(garment) || "Weste".equals(garment) ? "die " : "der ") + garment;
    }

    private static String articleAccusativeDe(ConversationProfile p) {
        String garment = GARMENT_NAMES.getOrDefault(p.garment() == null ? "suit" : p.garment(), GARMENT_NAMES.get("suit"))[0];
        return ("Hose".equals(garment) || "Weste".equals(garment) ? "die " : "den ") + garment;
    }

    private static List<String> capitalised(List<String> words) {
        return words.stream().map(w -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1)).toList();
    }

    private static final Map<String, String> COLOURS_EN = Map.ofEntries(
            Map.entry("blau", "blue"), Map.entry("grau", "grey"), Map.entry("schwarz", "black"),
            Map.entry("braun", "brown"), Map.entry("grün", "green"), Map.entry("rot", "red"),
            Map.entry("weiß", "white"), Map.entry("marineblau", "navy"), Map.entry("mitternachtsblau", "midnight blue"),
            Map.entry("hellblau", "light blue"), Map.entry("dunkelblau", "dark blue"), Map.entry("anthrazit", "charcoal"),
            Map.entry("hellgrau", "light grey"), Map.entry("bordeaux", "burgundy"), Map.entry("oliv", "olive"),
            Map.entry("tabak", "tobacco"), Map.entry("creme", "cream"), Map.entry("sand", "sand"),
            Map.entry("camel", "camel"), Map.entry("beige", "beige"));

    private static List<String> english(List<String> colours, boolean de) {
        return de ? colours : colours.stream().map(c -> COLOURS_EN.getOrDefault(c, c)).toList();
    }

    static String euros(int amount, boolean de) {
        NumberFormat format = NumberFormat.getIntegerInstance(de ? Locale.GERMANY : Locale.UK);
        return de ? format.format(amount) + " €" : "€" + format.format(amount);
    }

    static String month(String isoMonth, boolean de) {
        YearMonth month = YearMonth.parse(isoMonth);
        return month.getMonth().getDisplayName(TextStyle.FULL, de ? Locale.GERMAN : Locale.ENGLISH) + " "
                + month.getYear();
    }

    private static String day(String isoDate, boolean de) {
        return LocalDate.parse(isoDate).format(de ? DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN)
                : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }
}
