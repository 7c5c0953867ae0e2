package de.henk.hub.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One spelling per email address, so that an address cannot be registered twice in two disguises: compatibility
 * characters are folded (NFKC: a full-width "ａlice" is "alice", a ligature "ﬁ" is "fi") and the address is lower
 * case. What folding cannot undo — a Cyrillic "а" or a Greek "ο" among Latin letters, which look the same — is
 * refused by {@link EmailAddress} ({@link OneAlphabetPerPart}): a real address is written in one of these alphabets.
 */
public final class EmailAddresses {

    /** Alphabets whose letters look alike; one part of an address (local part, a domain label) uses one of them. */
    private static final Set<UnicodeScript> LOOKALIKES = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.CYRILLIC,
            UnicodeScript.GREEK);

    private EmailAddresses() { }

    /** The address as accounts, leads and filters store and compare it. */
    public static String normalize(String email) {
        return Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a part of the address (local part or domain label) mixes alphabets whose letters look alike. */
    static boolean mixesLookalikeAlphabets(String email) {
        for (String part : Normalizer.normalize(email, Normalizer.Form.NFKC).split("[@.]")) {
            EnumSet<UnicodeScript> seen = EnumSet.noneOf(UnicodeScript.class);
            part.codePoints().filter(Character::isLetter).mapToObj(UnicodeScript::of)
                    .filter(LOOKALIKES::contains).forEach(seen::add);
            if (seen.size() > 1) {
                return true;
            }
        }
        return false;
    }

    /** The part of {@link EmailAddress} that refuses an address mixing lookalike alphabets. */
    public static class OneAlphabetPerPart implements ConstraintValidator<EmailAddress, String> {

        @Override
        public boolean isValid(String email, ConstraintValidatorContext context) {
            if (email == null || !mixesLookalikeAlphabets(email)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must not mix Latin, Cyrillic or Greek letters within a "
                    + "part (a Cyrillic 'а' looks like a Latin 'a')").addConstraintViolation();
            return false;
        }
    }
}
