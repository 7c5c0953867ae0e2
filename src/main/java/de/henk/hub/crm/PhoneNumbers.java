package de.henk.hub.crm;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import de.henk.hub.config.HenkProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Phone numbers as the hub reads and compares them, with Google's libphonenumber: "+49 170 1234567",
 * "0049 170/123 45 67" and "0170-1234567" are one number ({@code +491701234567}). A number without a country code
 * is taken to be from {@code henk.crm.phone-country-code} (a calling code: 49 is Germany, 43 Austria). Used to find
 * a number in a chat message, to keep a phone-only customer's outbox entries in order, to recognise them in
 * Pipedrive, and to refuse a phone-only lead whose number could not be dialled.
 */
@Component("phoneNumbers")
public class PhoneNumbers {

    /** A number found in free text: as the customer wrote it, where, and in international form. */
    public record Found(String written, int start, int end, String canonical) { }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** "15.06.2027", "1.800–2.400": dates and amounts that a lenient reading could take for a number. */
    private static final Pattern NOT_A_PHONE = Pattern.compile(
            "\\d{1,2}\\.\\d{1,2}\\.(\\d{2}|\\d{4})?|\\d{1,3}(\\.\\d{3})+(\\s*[-–]\\s*\\d{1,3}(\\.\\d{3})+)?");

    /**
     * Where a number may be written: a "+", "00" or trunk zero, then up to 24 digits and separators; never inside a
     * bigger number ("2.000-2.500 EUR" holds no "000-2.500").
     */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\d+])(?<!\\d[.,])(?:\\+|\\(?0)[\\d\\s/().\\-]{5,24}\\d");

    private final String region;

    @Autowired
    public PhoneNumbers(HenkProperties properties) {
        this(properties.crm().phoneCountryCode());
    }

    public PhoneNumbers(String countryCode) {
        String region = UTIL.getRegionCodeForCountryCode(Integer.parseInt(countryCode));
        this.region = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) || "ZZ".equals(region) ? "DE"
                : region;
    }

    /** The region numbers without a country code are read in ("DE" for 49). */
    public String region() {
        return region;
    }

    /** The number in international form ({@code +<digits>}), or null when it cannot be a phone number. */
    public String canonical(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(phone, region);
            if (!UTIL.isPossibleNumber(number) || Long.toString(number.getNationalNumber()).length() < 5) {
                return null;
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
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

    /**
     * The phone numbers in a message ({@code PhoneNumberUtil.findNumbers}, lenient: a number need only be possible,
     * so a made-up "0170 1234567" counts). A number must be written as one — with a country code or a trunk
     * zero — and be no date or amount, so "2500" or "15.06.2027" are never taken for one.
     */
    public List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null || text.chars().filter(Character::isDigit).count() < 6) {
            return found;
        }
        // libphonenumber reads the stretches that could be a number at all (bounded, so a message of digits stays fast)
        java.util.regex.Matcher candidate = CANDIDATE.matcher(text);
        while (candidate.find()) {
            for (PhoneNumberMatch match : UTIL.findNumbers(candidate.group(), region, PhoneNumberUtil.Leniency.POSSIBLE,
                    5)) {
                String written = match.rawString().strip();
                long digits = written.chars().filter(Character::isDigit).count();
                boolean writtenAsPhone = written.startsWith("+") || written.startsWith("0") || written.startsWith("(0");
                if (writtenAsPhone && digits >= 7 && digits <= 15 && !NOT_A_PHONE.matcher(written).matches()) {
                    int start = candidate.start() + match.start();
                    found.add(new Found(written.replaceAll("\\s+", " "), start, start + match.rawString().length(),
                            UTIL.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164)));
                }
            }
            if (found.size() >= 3) {
                break;
            }
        }
        return found;
    }
}
