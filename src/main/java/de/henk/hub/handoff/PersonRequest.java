package de.henk.hub.handoff;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a chat message asks to talk to a person — German first, English too. A request needs the wish and the
 * person together ("Kann ich mit einem Mitarbeiter sprechen?", "verbinden Sie mich bitte mit einem Berater",
 * "I'd like to talk to a human"), or a short call for one ("Mensch bitte!", "agent"). Words that merely mention
 * people do not count: "mein Berater bei der Bank", "ein Mensch mit Stil", "ich bin Mitarbeiter bei Siemens",
 * "human resources", "my travel agent"; nor does a no ("ich will nicht mit einem Menschen sprechen") or the
 * question whether HENK is one ("Sind Sie ein Mensch?").
 */
public final class PersonRequest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String PERSON_DE = "(menschen?|mitarbeiter(in|innen)?|berater(in)?|verkäufer(in)?|person|"
            + "schneider(in)?|schneidermeister(in)?|kolleg(en|in)|jemand(em|en)?( (aus|von) (dem|ihrem) team)?|"
            + "ansprechpartner(in)?|team|inhaber(in)?)";
    private static final String PERSON_EN = "(humans?|(real |actual |live )?person|people|(someone|somebody)( from (the|your) "
            + "(team|shop|store))?|agent|representative|sales ?person|staff( member)?|tailor|employee|team member|"
            + "your team|the team|(the )?owner)";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern REQUEST = Pattern.compile(String.join("|",
            // "mit einem Mitarbeiter sprechen", "mit einem echten Menschen reden"
            "(?<!\\p{L})mit (einem|einer|jemandem|ihrem|ihrer|dem|der|einem echten|einer echten|einem richtigen|"
                    + "einer richtigen|echten|richtigen)? ?(echten |richtigen |lebenden )?" + PERSON_DE
                    + "( \\p{L}+){0,3} (sprechen|reden|chatten|schreiben|telefonieren|verbunden|verbinden)",
            // "verbinden Sie mich (bitte) mit", "stellen Sie mich durch", "leiten Sie mich weiter"
            "(verbinden|stellen|leiten) sie mich( bitte)?( (mit|durch|weiter))",
            "(?<!\\p{L})(echte[nrm]?|richtige[nrm]?|lebende[nrm]?) (person|menschen?|mitarbeiter(in)?|berater(in)?)"
                    + "(?!\\p{L})",
            "(?<!\\p{L})(einen|eine) (menschen|mitarbeiter(in)?|berater(in)?|verkäufer(in)?|person) (bitte|sprechen)",
            "(?<!\\p{L})(persönlich|mit ihnen persönlich) (sprechen|beraten werden)",
            // English
            "(?<!\\p{L})(talk|speak|chat|be put through|be connected|get through)( directly)? (to|with) (a |an |some |your |the )?"
                    + PERSON_EN + "(?!\\p{L})",
            "(?<!\\p{L})(connect|transfer|put) me (through )?(to|with) (a |an |your |the )?" + PERSON_EN + "(?!\\p{L})",
            "(?<!\\p{L})(want|need|get me|give me|prefer) (a |an |to talk to a )?(real |actual |live )?(human|person|agent|"
                    + "representative)(?!\\p{L})",
            "(?<!\\p{L})(real|actual|live) (human|person|agent)(?!\\p{L})"), FLAGS);
    /** A short call with nothing else in it: "Mensch bitte!", "Mitarbeiter?", "human please", "agent". */
    private static final Pattern CALL = Pattern.compile(
            "^\\W*(bitte |please )?(einen |eine |a |an )?(mensch(en)?|mitarbeiter(in)?|berater(in)?|person|human|agent|"
                    + "representative|operator)( bitte| please| now| jetzt)?\\W*$", FLAGS);
    private static final Pattern NEGATED = Pattern.compile(
            "(?<!\\p{L})(nicht|kein\\p{L}*|no|not|don'?t|do not|never|nie|ohne)(?!\\p{L})[^.!?]{0,40}$", FLAGS);
    private static final Pattern ARE_YOU_ONE = Pattern.compile(
            "(?<!\\p{L})(bist du|sind sie|are you|is this)( \\p{L}+)? (ein(e)? |a |an )?(echte[rn]? |richtige[rn]? |real |actual )?(mensch|person|human|bot|"
                    + "roboter|robot|ki|ai)(?!\\p{L})", FLAGS);

    /**
     * Every request above names someone ("Mitarbeiter", "human", "team"…) or says "sie mich" or "persönlich": a
     * message with none of these pieces is no request, and the patterns need not scan it (most messages). A word
     * added to the patterns belongs here too.
     */
    private static final List<String> REQUIRED_PIECES = List.of("mensch", "mitarbeiter", "berater", "verkäufer",
            "person", "schneider", "kolleg", "jemand", "ansprechpartner", "team", "inhaber", "human", "people",
            "someone", "somebody", "agent", "representative", "staff", "tailor", "employee", "owner", "operator",
            "sie mich", "persönlich");

    private PersonRequest() { }

    public static boolean in(String message) {
        if (message == null || message.isBlank()) {
            return false;
        }
        String text = WHITESPACE.matcher(message.toLowerCase(Locale.GERMAN)).replaceAll(" ").strip();
        if (REQUIRED_PIECES.stream().noneMatch(text::contains)) {
            return false;
        }
        if (CALL.matcher(text).find()) {
            return true;
        }
        Matcher request = REQUEST.matcher(text);
        while (request.find()) {
            String before = text.substring(0, request.start());
            if (NEGATED.matcher(before).find() || onlyAsksWhatHenkIs(text, request)) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** "Sind Sie eine echte Person?" is a question about HENK, not a request for someone else. */
    private static boolean onlyAsksWhatHenkIs(String text, Matcher request) {
        Matcher question = ARE_YOU_ONE.matcher(text);
        while (question.find()) {
            if (question.start() <= request.start() && question.end() >= request.start()) {
                return true;
            }
        }
        return false;
    }
}
