package de.henk.hub.system;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * Durations as the route files and settings hand them to the hub's beans: "2s", "500ms", "10m", ISO-8601 ("PT5M"),
 * or a bare number of milliseconds (as the old *-ms keys had it), with blanks around it ignored.
 */
public final class Durations {

    private Durations() { }

    /** "2s", "500ms", "10m", "PT5M", or a bare number of milliseconds; an IllegalArgumentException for anything else. */
    public static Duration parse(String value) {
        return DurationStyle.detectAndParse(value.strip());
    }
}
