package de.henk.hub.crm;

/**
 * Phone numbers as the hub compares them: "+49 170 1234567", "0049 170/123 45 67" and "0170-1234567" are one
 * number ({@code +491701234567}). A number without a country code is taken to be from the configured country.
 * Used to keep a phone-only customer's outbox entries in order and to recognise them in Pipedrive — never to
 * validate what a customer may write.
 */
public final class PhoneNumbers {

    private PhoneNumbers() { }

    /** The number in international form ({@code +<digits>}), or null when it has too few digits to be one. */
    public static String canonical(String phone, String countryCode) {
        if (phone == null) {
            return null;
        }
        // "+49 (0) 170 …": the trunk zero in brackets is not dialled from abroad
        String trimmed = phone.strip().replace("(0)", "");
        String digits = trimmed.replaceAll("\\D", "");
        String international;
        if (trimmed.startsWith("+")) {
            international = digits;
        } else if (digits.startsWith("00")) {
            international = digits.substring(2);
        } else if (digits.startsWith("0")) {
            international = countryCode + digits.substring(1);
        } else {
            international = countryCode + digits;
        }
        return international.length() < 6 ? null : "+" + international;
    }

    /** Whether two written numbers are the same number. */
    public static boolean same(String a, String b, String countryCode) {
        String left = canonical(a, countryCode);
        return left != null && left.equals(canonical(b, countryCode));
    }
}
