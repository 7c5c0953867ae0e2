package de.henk.hub.chat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German typed without umlauts and ß ("im fruehjahr", "naechste Woche", "Groesse", "Strasse") read as written with
 * them. Not a blind replace of ae/oe/ue/ss — "blue", "neue", "true", "Steuer", "Frauen", "Poesie", "Israel",
 * "Klasse" stay as they are: only a word that begins with a known stem whose transliterated spelling is no other
 * word ("fuer", "maerz", "gruen") is changed, and that stem only; a few stems are also found as the back part of
 * a compound ("Hochzeitsanzuege", "Wintermaentel"). The text is lower case already.
 */
final class Umlauts {

    /** Stems at a word's start, as typed → as written; the longest that fits wins. */
    private static final Map<String, String> STEMS = new HashMap<>();
    /** Stems also found as the back part of a compound (long and specific enough to be no other word's part). */
    private static final Map<String, String> INNER = new LinkedHashMap<>();
    /** Stems whose ss is an ß ("Straße", "Größe", "Maßanzug"); in the others ss stays ("müssen"). */
    private static final List<String> SHARP_S = List.of("mass", "strass", "gross", "groess", "gemaess", "spass",
            "schliess", "fuess", "gruess", "weiss", "heiss", "dreiss");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern TYPED = Pattern.compile("ae|oe|ue|ss");

    static {
        for (String stem : List.of(
                // when
                "frueh", "maerz", "naechst", "spaet", "waehrend", "taeglich", "woechentlich", "kuerz", "zurueck",
                "moeglich", "uebermorgen", "ueber", "fuer", "fuenf", "zwoelf", "dreissig", "haelfte", "jaehrig",
                "kuenftig", "demnaechst", "laeng", "rueck", "jaenner", "hoechst", "ungefaehr", "spaetest",
                // who wants what
                "moecht", "moeg", "koenn", "muess", "wuensch", "waer", "haett", "wuerd", "duerf", "gefaell", "faellt",
                "schoen", "gruess", "hoeflich", "persoenlich", "natuerlich", "groess", "grosse", "grossen",
                "grosser", "grossartig", "gemaess", "spass", "schliess", "fuesse", "strass", "weiss", "heiss",
                "gruen", "buero", "braeutigam", "maenn", "maedchen", "koerper", "oeffn", "geoeffnet", "naeh",
                // cloth and look
                "anzueg", "maentel", "laessig", "auffaellig", "serioes", "duenn", "waerm", "kuehl", "hueb",
                "haesslich", "knoepf", "aermel", "buegel", "tuerkis", "massanzug", "massgeschneid", "massanfertig",
                "massnehm", "massschneid", "massarbeit", "masshemd", "massatelier", "massmode", "massband",
                // occasions and the shop
                "jubilaeum", "gespraech", "vorstellungsgespraech", "geschaeft", "guenstig", "gebuehr", "pruef",
                "muench", "koeln", "duesseldorf", "nuernberg", "gaest", "begraebnis", "verloebnis", "praesentation")) {
            STEMS.put(stem, written(stem));
        }
        for (String stem : List.of("anzueg", "maentel", "jubilaeum", "gespraech", "geschaeft", "groess", "maerz",
                "frueh", "gruen", "buero", "strass", "massanzug", "massgeschneid", "gaeste", "feiertaeg", "naechst")) {
            INNER.put(stem, written(stem));
        }
    }

    private static String written(String stem) {
        boolean sharp = SHARP_S.stream().anyMatch(stem::startsWith);
        return stem.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü").replace("ss", sharp ? "ß" : "ss");
    }

    private Umlauts() {
    }

    /** The (lower-case) text with the known stems written with umlauts and ß; the same object when none is typed. */
    static String restore(String text) {
        if (!TYPED.matcher(text).find()) {
            return text;
        }
        Matcher word = WORD.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (word.find()) {
            String typed = word.group();
            if (typed.length() < 3 || !TYPED.matcher(typed).find()) {
                continue;
            }
            String written = restored(typed);
            if (written != null) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, word.start()).append(written);
                copied = word.end();
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static String restored(String word) {
        for (int length = word.length(); length >= 3; length--) {
            String stem = STEMS.get(word.substring(0, length));
            if (stem != null) {
                // "uebernaechste": the rest may hold a stem of its own
                String rest = word.substring(length);
                String restored = rest.length() >= 3 && TYPED.matcher(rest).find() ? restored(rest) : null;
                return stem + (restored != null ? restored : rest);
            }
        }
        for (Map.Entry<String, String> inner : INNER.entrySet()) {
            int at = word.indexOf(inner.getKey());
            if (at > 0) {
                return word.substring(0, at) + inner.getValue() + word.substring(at + inner.getKey().length());
            }
        }
        return null;
    }
}
