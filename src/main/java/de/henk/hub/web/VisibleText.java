package de.henk.hub.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or title someone can read: at least one letter, digit, punctuation mark or symbol. A text made only of
 * characters that show nothing — the zero-width space U+200B, ZWNJ/ZWJ U+200C/U+200D, the word joiner U+2060, the
 * BOM U+FEFF, the soft hyphen U+00AD and the other format characters, white space of any kind (U+00A0, U+3000 …),
 * combining marks with nothing to sit on, and the blank "fillers" (U+3164 Hangul filler, U+2800 braille blank …)
 * — looked like an empty name in the dashboard, mails and Pipedrive, and was stored as one.
 *
 * <p>A blank text (null, empty, only white space) is left to {@code @NotBlank}, so a field is named once. The
 * request records also {@link Check#strip strip} such characters from the ends of a name as they are read, so
 * {@code "\u200BMax\u200B"} is stored as {@code "Max"} and {@code "\u200B"} is refused as blank.
 */
@Documented
@Constraint(validatedBy = VisibleText.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

    String message() default "must contain letters, digits or signs, not only invisible characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<VisibleText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.toString().isBlank() || hasVisibleCharacter(value);
        }

        /** Whether the text has a character that shows something. */
        public static boolean hasVisibleCharacter(CharSequence text) {
            return text != null && text.codePoints().anyMatch(Check::visible);
        }

        /** Letters, digits, punctuation and symbols — but not the letters and symbols that are drawn blank. */
        static boolean visible(int codePoint) {
            if (blankFiller(codePoint)) {
                return false;
            }
            return switch (Character.getType(codePoint)) {
                case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                        Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                        Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                        Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                        Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                        Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                        Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                        Character.OTHER_SYMBOL -> true;
                default -> false;
            };
        }

        /** Letters and symbols by category that every font draws as nothing (favourites of invisible names). */
        private static boolean blankFiller(int codePoint) {
            return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                    || codePoint == 0x2800;
        }

        /**
         * The text without what shows nothing at its ends: white space of any kind, format characters (U+200B, U+200D,
         * U+2060, U+FEFF, U+00AD …), blank fillers, and combining marks at the start (at the end they belong to the
         * letter before them: "José" may end in U+0301). Control characters stay, for {@link SingleLine} to refuse; ZWJ
         * and ZWNJ inside a name stay too (they shape Persian and Indic script and emoji). Null stays null.
         */
        public static String strip(String text) {
            if (text == null) {
                return null;
            }
            int start = 0;
            int end = text.length();
            while (start < end) {
                int codePoint = text.codePointAt(start);
                if (!invisibleAtEnds(codePoint) && !mark(codePoint)) {
                    break;
                }
                start += Character.charCount(codePoint);
            }
            while (end > start) {
                int codePoint = text.codePointBefore(end);
                if (!invisibleAtEnds(codePoint)) {
                    break;
                }
                end -= Character.charCount(codePoint);
            }
            return start == 0 && end == text.length() ? text : text.substring(start, end);
        }

        private static boolean invisibleAtEnds(int codePoint) {
            int type = Character.getType(codePoint);
            return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT || blankFiller(codePoint);
        }

        private static boolean mark(int codePoint) {
            int type = Character.getType(codePoint);
            return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
        }
    }
}
