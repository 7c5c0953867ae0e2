package de.henk.hub.chat;

import de.henk.hub.catalog.FabricCatalogue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the chat's tests read messages and choose cloth with, as HENK does: the morning of one fixed day (so that
 * "übermorgen" or "am Freitag" is always the same date) and the fabric catalogue on the classpath.
 */
final class ChatFixture {

    /** A Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    /** 10:00 UTC on {@link #TODAY}. */
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    /** The catalogue the hub reads (catalog/fabrics.json). */
    static final FabricCatalogue CATALOGUE = new FabricCatalogue();
    /** Where made-to-measure starts in {@link #CATALOGUE}, as the hub's QualifierStep reads it. */
    static final EntryPrices PRICES = EntryPrices.of(CATALOGUE);

    private ChatFixture() { }

    /** Reads messages as sent on {@link #TODAY}, at ten. */
    static ProfileExtractor extractor() {
        return new ProfileExtractor(CLOCK);
    }
}
