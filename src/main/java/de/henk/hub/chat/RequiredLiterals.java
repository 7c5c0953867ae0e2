package de.henk.hub.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A cheap test before a vocabulary pattern runs: every alternative of a pattern such as
 * {@code \p{L}*hochzeit\p{L}*|heirat\p{L}*|trauung} contains a piece of plain text that any match must contain
 * ("hochzeit", "heirat", "trauung"). When the message contains none of them, the pattern cannot match and need not
 * scan it — most of a message's vocabulary patterns are skipped this way (reading a message runs some two hundred
 * of them). An alternative without such a piece (at least two characters) makes the pattern always run.
 */
final class RequiredLiterals {

    private final String[] literals;

    private RequiredLiterals(String[] literals) {
        this.literals = literals;
    }

    /** The required pieces of the alternatives, or null when one of them has none (the pattern always runs). */
    static RequiredLiterals of(String... alternatives) {
        List<String> pieces = new ArrayList<>();
        for (String alternative : alternatives) {
            for (String branch : topLevelBranches(alternative)) {
                String piece = longestRequiredPiece(branch);
                if (piece.length() < 2) {
                    return null;
                }
                pieces.add(piece);
            }
        }
        return new RequiredLiterals(pieces.toArray(String[]::new));
    }

    /** False only when the text cannot match: it holds none of the required pieces. */
    boolean mayMatch(String text) {
        for (String literal : literals) {
            if (text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /** The alternative split at its own '|' (not those inside a group or a character class). */
    static List<String> topLevelBranches(String regex) {
        List<String> branches = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                branches.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        branches.add(regex.substring(start));
        return branches;
    }

    /**
     * The longest run of plain characters in a branch that every match contains: letters, digits, spaces and the like
     * outside groups and classes, each one not made optional by a following {@code ?}, {@code *} or {@code {}.
     */
    static String longestRequiredPiece(String branch) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < branch.length()) {
            char c = branch.charAt(i);
            int next;
            boolean plain;
            if (c == '\\') {
                // an escape: \p{L}, \d, \s, \. … — never part of a required piece
                next = i + 2;
                if (i + 1 < branch.length() && (branch.charAt(i + 1) == 'p' || branch.charAt(i + 1) == 'P')
                        && i + 2 < branch.length() && branch.charAt(i + 2) == '{') {
                    next = branch.indexOf('}', i) + 1;
                }
                plain = false;
            } else if (c == '[') {
                next = closing(branch, i, '[', ']') + 1;
                plain = false;
            } else if (c == '(') {
                next = closing(branch, i, '(', ')') + 1;
                plain = false;
            } else {
                next = i + 1;
                plain = ".^$+*?{}|)]".indexOf(c) < 0;
            }
            boolean optional = next < branch.length() && "?*{".indexOf(branch.charAt(next)) >= 0;
            boolean repeated = next < branch.length() && branch.charAt(next) == '+';
            if (plain && !optional) {
                run.append(c);
            }
            if (!plain || optional || repeated) {
                // "ab+c" matches "abbc": a repeated character ends the piece it belongs to
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
            // a quantifier after a construct belongs to it
            i = next;
            while (i < branch.length() && "?*+".indexOf(branch.charAt(i)) >= 0) {
                i++;
            }
            if (i < branch.length() && branch.charAt(i) == '{') {
                i = branch.indexOf('}', i) + 1;
            }
        }
        return run.length() > best.length() ? run.toString() : best;
    }

    private static int closing(String regex, int from, char open, char close) {
        int depth = 0;
        for (int i = from; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == open && (open != '[' || depth == 0)) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return regex.length() - 1;
    }
}
