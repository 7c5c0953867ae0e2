package de.henk.hub.chat;

import java.util.regex.Pattern;

import static de.henk.hub.chat.WordPatterns.found;
import static de.henk.hub.chat.WordPatterns.words;

/**
 * What the customer means to do: decline, nothing of a customer's, only browse, buy (an appointment, a callback, an
 * order) or show interest, the first that applies; after HENK's contact question a bare "ja" or "nein" counts (an
 * "ok" with a goodbye is none).
 */
final class IntentRules {

    private static final String WEEKDAYS = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
            + "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final Pattern HOW_LONG_OR_PRICE = Pattern.compile("\\b(wie lange|how long|was kostet)\\b");
    private static final Pattern DECLINED = words("kein interesse", "keine? (anrufe?|kontakt|e-?mails?|mails?|werbung)( bitte)?",
            "(no|don'?t) (calls?|contact|emails?) please", "please (don'?t|do not) (call|contact|email|e-mail)",
            "(bitte )?(ruft|rufen sie|ruf) mich (bitte )?nicht an", "(bitte )?meldet euch nicht", "möchte nicht kontaktiert werden",
            "will nicht kontaktiert werden", "(do not|don'?t) want to be (called|contacted)", "unsubscribe",
            "(i'?ve|i have) changed my mind", "hab(e)? es mir anders überlegt", "no longer (needed|interested)",
            "brauche (ihn|es|keinen) (doch )?nicht mehr", "not anymore", "nein,? danke", "nein danke", "no,? thanks?",
            "no thank you", "not interested", "nicht interessiert", "bitte nicht kontaktieren", "keine kontaktaufnahme",
            "nicht anrufen", "don'?t (call|contact)", "do not (call|contact)", "(möchte|will|brauche) keinen termin",
            "no appointment", "vielleicht später", "maybe later", "hat sich erledigt", "never mind",
            // "lieber nicht zu auffällig", "doch nicht so dunkel" are wishes: a refusal ends there
            "(lieber|doch|eher) nicht(?= *(?:$|[.,;!?)]|danke|thanks))", "rather not(?= *(?:$|[.,;!?)]|thanks))");
    /** Asked to be called or written to: buying intent, a lead at once once a budget or date is known. */
    private static final Pattern CALLBACK = words("(ruft|ruf|rufen sie|rufen se|könnt ihr|können sie|kannst du) (mich )?"
            + "(bitte |mal |gern |gerne |doch )*(zurück|an|anrufen|zurückrufen)", "rückruf\\p{L}*", "zurückrufen",
            "(bitte|gern|gerne) (um )?(einen )?(anruf|rückruf)", "anruf wäre (gut|toll|super|nett|prima)",
            "melden sie sich( bitte)?( bei mir)?", "meldet euch( bitte)?( bei mir)?", "melde dich( bitte)?( bei mir)?",
            "(bitte|gern) (melden|kontaktieren)", "kontaktieren sie mich", "kontaktiert mich", "schreiben sie mir",
            "schreibt mir", "call me( back)?", "(give|gimme) me a (call|ring|bell)", "ring me( back)?", "phone me",
            "(can|could|would) (you|someone|somebody|one of you) (please )?(call|phone|ring|contact|email|e-mail) me",
            "please (call|phone|ring|contact|email|e-mail) me", "call back", "callback", "call-back",
            "reach out to me", "get back to me", "(get|be) in touch with me", "contact me", "email me", "e-mail me",
            "drop me a (line|mail|note)");
    /** Not someone who wants clothes: spam, a sales pitch, a job application, a competitor, a self-declared joke. */
    private static final Pattern NOT_A_CUSTOMER = words(
            // spam and sales pitches
            "seo", "backlinks?", "suchmaschinenoptimierung", "website traffic", "google ranking", "ranking auf google",
            "crypto\\p{L}*", "krypto\\p{L}*", "bitcoin", "casino", "viagra", "forex", "investment opportunity",
            "make money", "geld verdienen", "gewinnspiel", "you (have )?won", "sie haben gewonnen", "click (here|this link)",
            "klicken sie hier", "lottery", "marketing ?agency", "marketingagentur", "online ?marketing", "leadgenerierung",
            "lead generation", "(unser|our) (angebot|offer) für (ihre|your) (website|webseite|firma|company)",
            "redesign (ihrer|your) (website|webseite)", "(ihre|your) (website|webseite) (verbessern|optimieren|improve)",
            // job seekers
            "(bewerbe|bewirbt|bewerben) (mich|uns)", "initiativbewerbung", "lebenslauf", "ausbildungsplatz",
            "ausbildung (als|zum|zur|bei)", "praktikum\\p{L}*", "stelle als", "(job|stelle|arbeit|nebenjob|minijob) "
            + "bei (euch|ihnen|henk|dir)", "(sucht|sucht ihr|suchen sie) (noch )?(mitarbeiter|schneider|verstärkung|personal|aushilfe)",
            "stellenangebot\\p{L}*", "offene stellen?", "bei (euch|ihnen) arbeiten", "für (euch|sie) arbeiten",
            "appl(y|ying) for (a|the|your) (job|position|vacancy|role)", "job application", "my (cv|resume|résumé)",
            "are you hiring", "hiring\\?", "vacanc(y|ies)", "work for you", "job (opening|offer)s?", "position as",
            "internship", "apprenticeship",
            // competitors and trade enquiries
            "(wir sind|ich bin|we are|i am|i'm) (auch |also |selbst )?(eine?n? |a |an )?(andere |other |fellow )?"
            + "(maß)?(schneiderei|schneider|tailor|tailoring company|tailors|bespoke tailor)",
            "(wir sind|we are) (ein |a |ihr |your )?(mitbewerber|konkurrent\\p{L}*|competitor)",
            "wholesale", "großhandel\\p{L}*", "wiederverkäufer\\p{L}*",
            "reseller", "white ?label", "händlerpreis\\p{L}*", "einkaufspreis\\p{L}*",
            "(wir|we) (liefern|supply|sell|vertreiben) (stoffe|fabrics|cloth)", "marktforschung", "market research",
            "mystery shop\\p{L}*", "kooperationsanfrage", "partnership proposal",
            // a joke said to be one
            "just kidding", "only joking", "just joking", "(war |ist )?nur (ein )?(spaß|spass|scherz|witz)",
            "war (ein|nur ein) (scherz|witz)", "nicht ernst gemeint", "not serious", "prank", "spaßanfrage", "scherzanfrage");
    private static final Pattern BROWSING = words("nur (mal )?(umschauen|umsehen|schauen|gucken|stöbern|informieren)",
            "(schaue?|sehe?|gucke?) mich( nur| erstmal| erst mal| mal| einfach| bloß| grad| gerade)* um", "(will|möchte) (mich )?(nur|erstmal) (mal )?(schauen|gucken|informieren)",
            "(erstmal|erst mal|zunächst) (nur )?(informieren|schauen|umschauen)", "just (browsing|looking|curious)",
            "only looking", "keine konkreten pläne", "no (concrete |specific )?plans", "noch nicht sicher",
            "not sure yet", "aus neugier", "out of curiosity", "nur neugierig");
    private static final Pattern INTERESTED = words("suche", "suchen", "brauche", "brauchen", "benötige", "möchte",
            "hätte gern\\p{L}*", "ich will", "wir wollen", "need", "looking for", "want", "would like", "i'd like",
            "get married", "heirate", "heiraten", "interessiere", "interested in");
    private static final Pattern ORDERING = words("bestellen", "kaufen", "in auftrag geben", "anfertigen lassen",
            "machen lassen", "nähen lassen", "schneidern lassen", "ich nehme", "nehme ich", "los geht'?s",
            "order", "buy", "i'll take", "let'?s do it", "let'?s go ahead", "go ahead", "melden sie sich",
            "rufen sie (mich )?an", "kontaktieren sie mich", "get in touch", "contact me", "call me");
    private static final Pattern APPOINTMENT = words("termin (vereinbaren|machen|buchen|ausmachen)", "einen termin",
            "termin,? bitte", "bitte (um )?einen termin",
            "beratungstermin", "anprobetermin", "messtermin", "appointment", "maß nehmen", "maßnehmen",
            "vermessen", "vorbeikommen", "vorbei kommen", "come (in|by)", "book", "buchen", "beratungstermin",
            "measured", "fitting",
            // "Termin" said without a verb: alone, with a yes, or with a day ("Termin nächste Woche Dienstag?");
            // "der Termin ist am 3.7." and "kein fester Termin" stay the event's date
            "^\\W*termine?\\W*$", "(ja|gern|gerne|ok|okay|bitte|dann|also)\\W+(einen |ein |den )?termine?",
            "termine? (bitte|gern|gerne|(nächste|diese|kommende) woche|(für )?(morgen|übermorgen))",
            "termine? (am |für )?(nächsten |kommenden |diesen )?(" + WEEKDAYS + ")",
            "(freie|freien|nächsten) termine?", "termine? frei", "(haben|hätten|habt) (sie|ihr) (noch )?(einen |freie )?"
                    + "termine?", "(gruppen|maß|mess|beratungs|anprobe)termin\\p{L}*", "terminwunsch",
            "wann (haben|hätten|habt|hättet) (sie|ihr) (mal )?zeit", "wann kann ich (mal )?(vorbei|kommen)",
            "when (can|could|should) (i|we) come", "when are you (free|available)", "(any|a) free slot",
            "schedule (a|an) (appointment|visit|fitting|consultation)",
            // when the customer has time: "In zwei Wochen hätte ich Zeit", "I'm free on Friday", "I can come Monday"
            "(hätte|habe|hab) ich (dann |da |auch |wieder |gut )?zeit", "ich hätte (dann |da |auch |wieder |gut )?zeit",
            "(könnte|kann|würde) ich (dann |da |gern |gerne |auch )?(vorbei ?)?kommen",
            "(geht|ginge|passt|passen würde) (es )?bei mir", "bei mir (geht|ginge|passt|würde es passen)",
            "i('m| am| would be|'d be) (free|available)", "i (can|could) (come|make it|drop by|stop by)",
            "i('d| would) have time", "i have time (on|next|in|at|this)");
    /** A day and a time with no occasion in the message: "dann gerne Samstag um 11", "tuesday at 2pm?". */
    private static final Pattern DAY_AND_TIME = words("(" + WEEKDAYS + ")s? (um|gegen|ab|at|around) \\d{1,2}(:\\d{2})?( ?(uhr|am|pm))?",
            "(" + WEEKDAYS + ")s? \\d{1,2}(:\\d{2})? ?(uhr|am|pm)", "(" + WEEKDAYS + ")s? ?(vormittags?|nachmittags?|"
                    + "morning|afternoon)", "(" + WEEKDAYS + ")s? (in the )?(morning|afternoon)");
    /** "ich überlege noch", "I'll think about it": no answer yet, so an "ok" in front is no yes to a time. */
    private static final Pattern DEFERRING = words("überlege?\\p{L}*", "denke (noch )?(darüber )?nach",
            "(muss|möchte|will) (noch |erst )?(mal )?(darüber )?nachdenken", "think (about it|it over)", "sleep on it",
            "melde mich( noch| später| wieder)?", "get back to you", "not yet", "noch nicht", "erstmal nicht",
            "(danke|thanks|thank you) (erstmal|erst mal|for now)", "das wars( erstmal)?");
    /** "ok bye", "tschüss", "danke, das war's": the customer takes leave — an "ok" in front is no yes to anything. */
    private static final Pattern FAREWELL = words("tschü?ss?", "tschau", "ciao", "bye", "good ?bye", "auf wiedersehen",
            "bis bald", "bis dann", "das war'?s", "das war’s", "that'?s (all|it)", "that’s (all|it)",
            "schönen tag( noch)?", "have a (nice|good|great) (day|evening)");
    private static final Pattern YES = Pattern.compile(
            "^\\W*(ja|jawohl|gern|gerne|sehr gern|klar|natürlich|okay|ok|yes|yeah|yep|sure|please do|ja bitte|"
                    + "das wäre (schön|toll|super)|that would be (great|nice)|sounds good|passt)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Where a clause ends: a sentence's end, a comma, a turn ("aber", "but"); a question keeps its mark. */
    private static final Pattern CLAUSE = Pattern.compile("[^.;,!?\\n]+[.;,!?\\n]?");
    private static final Pattern THAT = Pattern.compile(",\\s*(dass|that)\\b");
    private static final Pattern CLAUSE_TURN = Pattern.compile("\\b(aber|sondern|but)\\b");
    /** Getting in touch, any tense or form: "kontaktieren", "rufen … an", "angerufen", "melden", "schreiben", "call". */
    private static final Pattern CONTACT_VERB = words("kontaktier\\p{L}*", "kontakt\\p{L}*", "(an|zurück)?ruf(e|en|t|st)?",
            "anruf\\p{L}*", "angerufen", "zurückgerufen", "meld\\p{L}*", "schreib\\p{L}*", "\\p{L}*mail\\p{L}*", "call\\p{L}*",
            "phone", "ring", "contact\\p{L}*", "text", "reach", "bother", "get in touch");
    private static final Pattern NEGATED = words("nicht", "nie", "niemals", "keine?[nrs]?", "not", "never", "don'?t",
            "do not", "no need to");
    /** Said of the customer: "mich", "mir", "me", or a passive ("angerufen werden", "to be called"). */
    private static final Pattern OF_ME = words("mich", "mir", "me", "werden", "be");
    /** Only when or how, not whether: "nicht vor 10 Uhr", "don't hesitate", "vergessen Sie nicht, …", "only by email". */
    private static final Pattern ONLY_WHEN_OR_HOW = words("vor", "nach", "before", "after", "until", "bis", "außer",
            "except", "unless", "wenn", "falls", "if", "erst", "morgens", "abends", "hesitate", "zögern", "vergessen",
            "forget", "\\d{1,2}( ?uhr|:\\d\\d| ?am| ?pm)", "werktags", "weekends?", "wochenende");
    /** Another way is welcome: "nur per E-Mail", "email is fine", "write to me instead" — one channel is no "no". */
    private static final Pattern OTHER_CHANNEL_WELCOME = words("(nur|lieber|gern|gerne|bitte|ausschließlich) (per|über|via|"
            + "mit|eine?) (e-?mail|mail|telefon|anruf|sms|whatsapp|nachricht)", "(e-?mail|mail|anruf|sms|whatsapp|telefon)"
            + " (ist|wäre|geht) (ok|okay|gut|besser|lieber|in ordnung|am besten)", "(e-?mails?|text|calls?|phone)"
            + " (is|are|would be) (fine|ok|okay|better|preferred|best)", "(only|just|rather) (by|via|through) (e-?mail|phone|"
            + "text|whatsapp)", "instead", "stattdessen", "lieber (per|eine?|schreiben|anrufen|mailen)");
    private static final Pattern NO = Pattern.compile("^\\W*(nein|nö|no|nope|eher nicht|not now|jetzt nicht)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private IntentRules() {
    }

    static void intent(String text, Phase expecting, ConversationProfile.Builder profile) {
        boolean declined = (found(DECLINED, text) || refusesContact(text)) && !found(OTHER_CHANNEL_WELCOME, text)
                || expecting == Phase.CONTACT && NO.matcher(text).find();
        if (declined) {
            profile.intent("declined").wantsAppointment(false).wantsCallback(false);
            return;
        }
        if (found(NOT_A_CUSTOMER, text)) {
            profile.intent("not_a_customer");
            return;
        }
        if (found(BROWSING, text)) {
            profile.intent("browsing");
            return;
        }
        boolean appointment = (found(APPOINTMENT, text) || found(DAY_AND_TIME, text)
                && Vocabulary.first(Vocabulary.OCCASIONS, text) == null) && !HOW_LONG_OR_PRICE.matcher(text).find()
                || expecting == Phase.CONTACT && YES.matcher(text).find() && !found(DEFERRING, text)
                && !found(FAREWELL, text);
        boolean callback = found(CALLBACK, text);
        if (callback) {
            profile.wantsCallback(true);
        }
        if (appointment) {
            profile.intent("buying").wantsAppointment(true);
        } else if (callback || found(ORDERING, text)) {
            profile.intent("buying");
        } else if (found(INTERESTED, text)) {
            profile.intent("interested");
        }
    }

    /**
     * "Bitte kontaktieren Sie mich nicht", "melden Sie sich nicht bei mir", "ich möchte nicht angerufen werden",
     * "never email me": getting in touch, negated and said of the customer in one clause that asks nothing ("Können
     * Sie mich nicht anrufen?" asks for a call) and does not only say when or how ("nicht vor 10 Uhr").
     */
    private static boolean refusesContact(String text) {
        // "ich will nicht, dass sich jemand bei mir meldet": the refusal goes on after the comma
        java.util.regex.Matcher clauses = CLAUSE.matcher(THAT.matcher(text).replaceAll(" $1"));
        while (clauses.find()) {
            for (String clause : CLAUSE_TURN.split(clauses.group())) {
                if (!clause.endsWith("?") && found(CONTACT_VERB, clause) && found(NEGATED, clause)
                        && found(OF_ME, clause) && !found(ONLY_WHEN_OR_HOW, clause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
