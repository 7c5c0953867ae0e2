package de.henk.hub.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static de.henk.hub.chat.WordPatterns.mayMatch;
import static de.henk.hub.chat.WordPatterns.words;

/**
 * The words the profile uses and how a message names them, German and English: occasions, styles, garments,
 * colours, patterns and fabric wishes, each a table from the profile's word to its pattern, the most specific first.
 */
final class Vocabulary {

    static final Map<String, Pattern> OCCASIONS = new LinkedHashMap<>();
    static final Map<String, Pattern> STYLES = new LinkedHashMap<>();
    static final Map<String, Pattern> GARMENTS = new LinkedHashMap<>();
    static final Map<String, Pattern> COLOURS = new LinkedHashMap<>();
    static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();
    static final Map<String, Pattern> WISHES = new LinkedHashMap<>();
    /** Fabric wishes that name a material, which a customer can also rule out ("keine Wolle"). */
    /** The dress code: "black tie", "Black-Tie-Veranstaltung", "blacktie", "white tie" (the tailcoat's). */
    private static final String BLACK_TIE = "(black|white)[- ]?tie(-\\p{L}+)?";
    static final List<String> MATERIALS = List.of("linen", "wool", "cotton", "cashmere", "silk", "mohair",
            "flannel", "tweed");

    static {
        OCCASIONS.put("wedding", words("\\p{L}*hochzeit\\p{L}*", "heirat\\p{L}*", "trauung", "standesamt\\p{L}*",
                "wedding", "bräutigam", "groom", "trauzeuge\\p{L}*", "best man", "getting married", "marry", "polterabend"));
        OCCASIONS.put("mourning", words("beerdigung\\p{L}*", "trauerfeier\\p{L}*", "begräbnis\\p{L}*", "bestattung\\p{L}*",
                "beisetzung\\p{L}*", "trauerfall", "trauergottesdienst", "trauer", "funeral\\p{L}*", "memorial service",
                "burial"));
        OCCASIONS.put("christening", words("taufe", "tauf\\p{L}+", "christening", "baptism", "\\p{L}*kommunion",
                "konfirmation\\p{L}*", "firmung", "first communion", "bar mitzvah", "bat mitzvah"));
        OCCASIONS.put("prom", words("abschlussball", "abiball", "abschlussfeier", "prom", "graduation", "abschluss",
                "abi", "abi-?\\p{L}+", "abitur\\p{L}*", "matura\\p{L}*", "abschluss\\p{L}+", "schulabschluss\\p{L}*",
                "tanzschulball", "graduation \\p{L}+", "graduating",
                "(i|i'll|i will|we|will|to|he|she|they|son|daughter) graduates?"));
        OCCASIONS.put("gala", words("gala\\p{L}*", BLACK_TIE, "smoking", "tuxedo", "tux", "tuxe?s", "dinner ?jacket",
                "opernball", "ball", "oper",
                "premiere", "abendveranstaltung"));
        OCCASIONS.put("business", words("business", "büro", "office", "geschäft\\p{L}*", "job", "arbeit", "meeting\\p{L}*",
                "bewerbung\\p{L}*", "vorstellungsgespräch", "interview", "konferenz\\p{L}*", "conference", "kongress\\p{L}*", "kanzlei", "bank", "beruf\\p{L}*", "for work",
                "(für|in) die firma", "in der firma", "fürs unternehmen", "(for|at) (the|my|our) (company|firm)"));
        // a celebration in a suit that is none of the above: a birthday, an anniversary, the Oktoberfest, a party
        OCCASIONS.put("celebration", words("\\p{L}*geburtstag\\p{L}*", "birthday\\p{L}*", "\\p{L}*jubiläum\\p{L}*",
                "anniversary", "jahrestag\\p{L}*", "oktoberfest\\p{L}*", "wiesn\\p{L}*", "volksfest\\p{L}*", "trachten\\p{L}*",
                "tracht", "lederhose\\p{L}*", "feier", "\\p{L}+feier", "party", "\\p{L}+party", "celebration",
                "sommerfest", "jubilee", "verlobung\\p{L}*", "engagement party", "junggesellenabschied",
                "empfang", "\\p{L}+empfang", "reception"));
        OCCASIONS.put("everyday", words("alltag\\p{L}*", "everyday", "freizeit", "wochenende", "weekend"));

        STYLES.put("classic", words("klassisch\\p{L}*", "classic\\p{L}*", "zeitlos\\p{L}*", "timeless", "traditionell\\p{L}*",
                "konservativ\\p{L}*", "elegant\\p{L}*", "seriös\\p{L}*",
                "dezent\\p{L}*", "unauffällig\\p{L}*", "understated", "subtle"));
        STYLES.put("modern", words("modern\\p{L}*", "slim", "schmal\\p{L}*", "tailliert\\p{L}*", "figurbetont\\p{L}*",
                "fitted", "sleek", "modisch\\p{L}*", "trendy", "trendig\\p{L}*", "skinny"));
        STYLES.put("casual", words("lässig\\p{L}*", "leger\\p{L}*", "relaxed", "locker\\p{L}*", "entspannt\\p{L}*"));
        STYLES.put("extravagant", words("extravagant\\p{L}*", "auffällig\\p{L}*", "bold", "mutig\\p{L}*",
                "ausgefallen\\p{L}*", "flamboyant", "flashy", "showy", "loud", "schrill\\p{L}*", "knallig\\p{L}*",
                "protzig\\p{L}*"));

        // most specific first: "Dreiteiler" is a suit too, "Smoking" a jacket too
        // a black-tie (or white-tie) dress code asks for a tuxedo as "Smoking" does: "Black-Tie-Dinner", "black tie event"
        GARMENTS.put("tuxedo", words("smoking\\p{L}*", "tuxedo\\p{L}*", "tux", "tuxe?s", "dinner ?jacket", "dinner ?suit",
                "frack", BLACK_TIE));
        GARMENTS.put("three-piece", words("dreiteiler\\p{L}*", "dreiteilig\\p{L}*", "three[- ]piece", "anzug mit weste",
                "suit with (a )?(waistcoat|vest)", "mit weste"));
        GARMENTS.put("coat", words("\\p{L}*mantel", "\\p{L}*mäntel", "overcoat", "coat", "wintermantel", "übermantel"));
        GARMENTS.put("jacket", words("\\p{L}*sakko\\p{L}*", "jackett\\p{L}*", "blazer", "sport ?coat", "jacket"));
        GARMENTS.put("trousers", words("\\p{L}*hose", "\\p{L}*hosen", "trousers", "pants", "slacks", "chinos"));
        GARMENTS.put("vest", words("weste", "waistcoat", "vest"));
        GARMENTS.put("shirt", words("\\p{L}*hemd\\p{L}*", "shirt\\p{L}*"));
        GARMENTS.put("suit", words("\\p{L}*anzug", "\\p{L}*anzüge", "\\p{L}*anzuges", "zweiteiler\\p{L}*", "two[- ]piece",
                "suit", "suits"));

        // the catalogue's colours (German), the most specific first; families ("blau") last
        COLOURS.put("marineblau", words("marineblau\\p{L}*", "navy\\p{L}*", "marine"));
        COLOURS.put("mitternachtsblau", words("mitternachtsblau\\p{L}*", "nachtblau\\p{L}*", "midnight blue", "midnight"));
        COLOURS.put("hellblau", words("hellblau\\p{L}*", "light blue", "himmelblau\\p{L}*", "helle[nmrs]? blau\\p{L}*",
                "pale blue"));
        COLOURS.put("dunkelblau", words("dunkelblau\\p{L}*", "dark blue", "dunkle[nmrs]? blau\\p{L}*"));
        COLOURS.put("anthrazit", words("anthrazit\\p{L}*", "charcoal", "dunkelgrau\\p{L}*", "dark grey", "dark gray",
                "dunkle[nmrs]? grau\\p{L}*"));
        COLOURS.put("hellgrau", words("hellgrau\\p{L}*", "light grey", "light gray", "silbergrau\\p{L}*",
                "helle[nmrs]? grau\\p{L}*", "pale gr[ae]y", "silver gr[ae]y"));
        COLOURS.put("mittelgrau", words("mittelgrau\\p{L}*", "mittlere[nmrs]? grau\\p{L}*", "(mid|medium)[- ]gr[ae]y"));
        // shades: catalogue colours ("salbei", "taupe"), or a shade of a family the advice reads as its colours (FabricFit)
        COLOURS.put("dunkelgrün", words(dark("grün", "green"), "(flaschen|tannen|jäger|moos|wald)grün\\p{L}*",
                "(bottle|forest|hunter|moss|pine|(british )?racing) green"));
        COLOURS.put("salbei", words("salbei\\p{L}*", "sage( green)?", "(mint|lind)grün\\p{L}*", "mint green",
                light("grün", "green")));
        COLOURS.put("dunkelbraun", words(dark("braun", "brown"), "(schoko|schokoladen|kaffee|mokka)braun\\p{L}*",
                "chocolate( brown)?", "mokka", "mocha", "espresso brown"));
        COLOURS.put("hellbraun", words(light("braun", "brown")));
        COLOURS.put("taupe", words("taupe\\p{L}*"));
        COLOURS.put("bordeaux", words("bordeaux\\p{L}*", "burgundy", "weinrot\\p{L}*", "wine red", "maroon",
                dark("rot", "red")));
        COLOURS.put("oliv", words("oliv", "olivgrün\\p{L}*", "olive( green)?", "olivfarben\\p{L}*", "khaki"));
        COLOURS.put("tabak", words("tabak\\p{L}*", "tobacco"));
        COLOURS.put("creme", words("creme\\p{L}*", "cream", "elfenbein\\p{L}*", "ivory", "off[- ]?white", "ecru",
                "(natur|woll)weiß\\p{L}*"));
        COLOURS.put("sand", words("sand\\p{L}*", "sandy"));
        COLOURS.put("camel", words("camel"));
        COLOURS.put("beige", words("beige\\p{L}*"));
        // a family, also as a compound the table above does not know ("königsblau", "steingrau", "nussbraun")
        COLOURS.put("blau", words("blau", "blaue[nmrs]?", "blaues", "blue", "bläulich\\p{L}*", "\\p{L}{3,}blau(e[nmrs]?)?"));
        COLOURS.put("grau", words("grau", "graue[nmrs]?", "grey", "gray", "(?!morgengrau)\\p{L}{3,}grau(e[nmrs]?)?"));
        COLOURS.put("schwarz", words("schwarz", "schwarze[nmrs]?", "black", "(tief|pech|kohl)schwarz\\p{L}*"));
        COLOURS.put("braun", words("braun", "braune[nmrs]?", "brown", "\\p{L}{3,}braun(e[nmrs]?)?"));
        COLOURS.put("grün", words("grün", "grüne[nmrs]?", "green", "\\p{L}{3,}grün(e[nmrs]?)?"));
        COLOURS.put("rot", words("rot", "rote[nmrs]?", "red"));
        // "weiß ich nicht", "ich weiß" is knowing, not white
        COLOURS.put("weiß", Pattern.compile("(?<![\\p{L}\\d])(?<!ich |er |sie |man |wer |nicht |nur |jeder |keiner )"
                + "(?:weiß|weiss|weiße[nmrs]?|white)(?![\\p{L}\\d])(?! (?:ich|er|sie|man|es|das|nicht|noch|jemand|keiner|"
                + "nur|schon|gar|leider|bescheid|nix|nichts))", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        // a tone without a colour ("eher dunkel", "something light-coloured"): the catalogue's dark or light colours;
        // last, so that "dunkles Blau", "dark grey", "hellgrau" are their colours. "what the hell" is no tone, and
        // "light" alone stays a light cloth (WishRules)
        COLOURS.put("dunkel", words("dunkel", "dunkle[nmrs]?", "dunkler", "dunklere[nmrs]?", "dark(?! horse)", "darker"));
        COLOURS.put("hell", words("(?<!the )hell(?! (?:yes|no|of|yeah))", "helle[nmrs]?", "heller", "hellere[nmrs]?",
                "light[- ]colou?red", "light colou?rs?", "lighter colou?rs?", "light in colou?r", "light tones?",
                "light shades?", "pale"));

        PATTERNS.put("Nadelstreifen", words("nadelstreif\\p{L}*", "pinstripe\\p{L}*", "pin stripe\\p{L}*"));
        PATTERNS.put("Kreidestreifen", words("kreidestreif\\p{L}*", "chalk ?stripe\\p{L}*"));
        PATTERNS.put("Glencheck", words("glencheck\\p{L}*", "glen ?check\\p{L}*", "prince of wales"));
        PATTERNS.put("Fischgrat", words("fischgrat\\p{L}*", "herringbone"));
        PATTERNS.put("Pepita", words("pepita\\p{L}*", "hahnentritt\\p{L}*", "houndstooth"));
        PATTERNS.put("Streifen", words("streifen", "gestreift\\p{L}*", "stripes?", "striped"));
        PATTERNS.put("Karo", words("karo\\p{L}*", "kariert\\p{L}*", "checks?", "checked", "plaid", "tartan"));
        // "an der Uni", "meine Uni-Abschlussfeier" are the university
        PATTERNS.put("uni", words("(?<!(?:der|die|zur|von|meiner|seiner|ihrer|unserer|eurer) )uni(?!-\\p{L})", "einfarbig\\p{L}*", "unifarben\\p{L}*", "plain", "solid"));

        WISHES.put("light", words("leicht\\p{L}*", "light(weight)?", "luftig\\p{L}*", "atmungsaktiv\\p{L}*", "breathable",
                "dünn\\p{L}*", "nicht zu warm", "not too warm", "nicht (zu|so) schwer\\p{L}*", "not (too|so) heavy",
                "heiß", "hitze", "hot(?! ?pink)", "heat",
                // warm weather asks for light cloth, not warm cloth: "es wird warm", "it'll be warm", "warmes Wetter"
                "(es|it) (wird|soll|is going to be|will be|could be|might be|gets?)( \\p{L}+)? warm",
                "it'?ll be( \\p{L}+)? warm", "(wenn|falls) es warm", "(when|if) it'?s( \\p{L}+)? warm", "bei wärme",
                "warme[nms]? (wetter|tag\\p{L}*|klima|temperatur\\p{L}*|sommer\\p{L}*)",
                "warm (weather|days?|climate|temperatures?|summer\\p{L}*)"));
        WISHES.put("linen", words("leinen\\p{L}*", "linen"));
        WISHES.put("crease-resistant", words("knitterarm\\p{L}*", "knitterfrei\\p{L}*", "knitterresistent\\p{L}*",
                "crease[- ]resistant", "wrinkle[- ]?(free|resistant)", "non[- ]?crease", "reisetauglich\\p{L}*",
                "travel"));
        WISHES.put("wool", words("schurwolle", "wolle", "wool", "merino", "kammgarn\\p{L}*", "worsted"));
        WISHES.put("cotton", words("baumwolle", "cotton"));
        WISHES.put("cashmere", words("kaschmir\\p{L}*", "cashmere"));
        WISHES.put("silk", words("seide", "silk"));
        WISHES.put("mohair", words("mohair"));
        WISHES.put("flannel", words("flanell\\p{L}*", "flannel"));
        WISHES.put("tweed", words("tweed\\p{L}*"));
        WISHES.put("warm", words("warm\\p{L}*", "wärmend\\p{L}*", "schwere[nr]? stoff\\p{L}*", "heavy", "heavier"));
        WISHES.put("stretch", words("stretch\\p{L}*", "elastisch\\p{L}*", "bequem\\p{L}*", "comfortable"));
        // how the cloth's price should lean (PriceLean): the lowest-priced that fits, or the finer cloth within the budget
        WISHES.put(PriceLean.AFFORDABLE, words("(so|möglichst) (günstig|preiswert|billig|preisgünstig)\\p{L}*( wie (möglich|es geht))?",
                "preiswert\\p{L}*", "preisgünstig\\p{L}*", "billig\\p{L}*", "günstigere[nrs]?", "(etwas|was) günstiger\\p{L}*",
                "nicht (zu|so|allzu) teuer", "nichts (zu |allzu )?teures", "(knapp|klein|schmal|begrenzt|gering)e[ns]? budget",
                "kein (großes|hohes|dickes) budget", "nicht viel geld", "as (cheap|inexpensive|affordable|low) as possible",
                "cheap(er|est)?", "inexpensive", "affordable", "budget[- ]friendly", "low[- ]cost",
                "not (too|that|so) expensive", "nothing (too )?expensive",
                "(don'?t|do not) (want|need) anything (too |that |so )?expensive", "on a (tight|small|limited|low|modest) budget",
                "(tight|small|limited|low|modest) budget", "not much money"));
        WISHES.put(PriceLean.FINER, words("edle(re)?[nrs]?", "(etwas|was) edles", "hochwertigere[nrs]?",
                "(etwas|was) hochwertiges", "feinere[nrs]?", "(etwas|was) feineres", "(etwas|was) besseres",
                "bessere[nrs]? (qualität|stoff\\p{L}*|tuch)", "höhere[nrs]? qualität", "luxuriöse(re)?[nrs]?",
                "exklusivere[nrs]?", "teurere[nrs]?", "(etwas|was) teureres", "darf (auch |ruhig )?(etwas |was )?teurer sein",
                "nicer", "finer", "(better|higher|top) quality", "more (upmarket|luxurious|exclusive|premium|special|expensive)",
                "pricier", "upmarket", "high[- ]end", "luxurious", "premium"));
    }

    private Vocabulary() {
    }

    /** A colour said dark: "dunkelgrün", "dunkles Grün", "dark green", "deep green". */
    private static String dark(String de, String en) {
        return "dunkel" + de + "\\p{L}*|dunkle[nmrs]? " + de + "\\p{L}*|tief" + de + "\\p{L}*|(dark|deep) " + en;
    }

    /** A colour said light: "hellbraun", "helles Braun", "light brown", "pale brown". */
    private static String light(String de, String en) {
        return "hell" + de + "\\p{L}*|helle[nmrs]? " + de + "\\p{L}*|(light|pale) " + en;
    }

    /** The words the profile uses, for what a language model may answer (structured output). */
    static java.util.List<String> vocabulary(String field) {
        Map<String, Pattern> words = switch (field) {
            case "occasion" -> OCCASIONS;
            case "style" -> STYLES;
            case "garment" -> GARMENTS;
            case "colour" -> COLOURS;
            case "pattern" -> PATTERNS;
            case "fabric_wish" -> WISHES;
            default -> throw new IllegalArgumentException(field);
        };
        return java.util.List.copyOf(words.keySet());
    }

    /**
     * The first word of the table the text names and does not rule out by a negation before it ({@link Negation}:
     * "ohne Weste", "I don't want a tuxedo"); or null.
     */
    static String firstNotNegated(Map<String, Pattern> candidates, String text) {
        for (var entry : candidates.entrySet()) {
            if (!mayMatch(entry.getValue(), text)) {
                continue;
            }
            var m = entry.getValue().matcher(text);
            while (m.find()) {
                if (!Negation.rightBefore(text, m.start())) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    /** The first word of the table whose pattern the (lower-case) text names; null when it names none. */
    static String first(Map<String, Pattern> candidates, String text) {
        for (var entry : candidates.entrySet()) {
            if (mayMatch(entry.getValue(), text) && entry.getValue().matcher(text).find()) {
                return entry.getKey();
            }
        }
        return null;
    }
}
