package de.henk.hub.system;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Database timestamps: UTC, microsecond precision (what both H2 and PostgreSQL store). */
public final class Timestamps {

    private Timestamps() { }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * RFC 3339 (what CloudEvents' {@code time} and JSON Schema's {@code date-time} require): always with seconds.
     * {@code OffsetDateTime.toString()} leaves them out when they are zero — "10:00+01:00" for a fitting at ten.
     */
    public static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
