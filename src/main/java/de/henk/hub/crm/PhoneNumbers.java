package de.henk.hub.crm;

import de.henk.hub.config.HenkProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Phone numbers as the hub compares them: "+49 170 1234567", "0049 170/123 45 67" and "0170-1234567" are one
 * number ({@code +491701234567}). A number without a country code is taken to be from
 * {@code henk.crm.phone-country-code}. Used to keep a phone-only customer's outbox entries in order, to recognise
 * them in Pipedrive, and to refuse a phone-only lead whose number could not be dialled.
 */
@Component("phoneNumbers")
public class PhoneNumbers {

    private final String countryCode;

    @Autowired
    public PhoneNumbers(HenkProperties properties) {
        this(properties.crm().phoneCountryCode());
    }

    PhoneNumbers(String countryCode) {
        this.countryCode = countryCode;
    }

    /** The number in international form ({@code +<digits>}), or null when it has too few digits to be one. */
    public String canonical(String phone) {
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

    /** The form that identifies a phone-only customer: international, or as written when it is no number. */
    public String identifying(String phone) {
        String canonical = canonical(phone);
        return canonical == null ? phone.strip() : canonical;
    }

    /** Whether two written numbers are the same number. */
    public boolean same(String a, String b) {
        String left = canonical(a);
        return left != null && left.equals(canonical(b));
    }
}
