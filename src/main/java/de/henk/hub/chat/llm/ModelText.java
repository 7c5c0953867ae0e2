package de.henk.hub.chat.llm;

/**
 * A model's reply as HENK shows and stores it. A model (or a proxy in front of it) may send any code point; the
 * customer's own messages are refused with control characters, but the model's text is HENK's answer, so it is
 * cleaned instead: no control characters but line breaks and tabs (PostgreSQL cannot store NUL, and a turn whose
 * reply cannot be stored fails), no lone surrogates, no noncharacters; Windows line ends become plain ones.
 */
public final class ModelText {

    private ModelText() { }

    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().filter(ModelText::shown).forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    private static boolean shown(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        return !Character.isISOControl(codePoint)
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
                && (codePoint & 0xFFFE) != 0xFFFE
                && !(codePoint >= 0xFDD0 && codePoint <= 0xFDEF);
    }
}
