package de.henk.hub.web;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A numeric id in a path (deals, orders, appointments, outbox entries): written the one way the hub writes it - digits,
 * no sign, no leading zero, no spaces, within a long. Anything else names nothing (the caller answers 404), so that
 * {@code /deal/7}, {@code /deal/+7}, {@code /deal/007} and {@code /deal/ 7} are not four names of one deal: a cache,
 * an audit log or a rate limit keyed by path would count them apart.
 */
public final class PathIds {

    /** At most 18 digits: every such number fits a long (19 may not). */
    private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,17}");

    private PathIds() {
    }

    public static OptionalLong numeric(String id) {
        if (id == null || !CANONICAL.matcher(id).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(id));
    }
}
