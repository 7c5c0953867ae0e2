package de.henk.hub.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What HENK has understood so far, persisted with the session and returned with every chat turn.
 * {@code eventMonth} is ISO year-month ("2027-06"), resolved relative to the day it was said.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationProfile(String language, String occasion, String eventMonth, String season,
                                  Integer budgetEur, String style) {

    public static ConversationProfile empty() {
        return new ConversationProfile(null, null, null, null, null, null);
    }

    /** Newer facts win; what the customer did not mention this turn stays as it was. */
    public ConversationProfile mergedWith(ConversationProfile newer) {
        return new ConversationProfile(
                newer.language != null ? newer.language : language,
                newer.occasion != null ? newer.occasion : occasion,
                newer.eventMonth != null ? newer.eventMonth : eventMonth,
                newer.season != null ? newer.season : season,
                newer.budgetEur != null ? newer.budgetEur : budgetEur,
                newer.style != null ? newer.style : style);
    }

    public boolean knowsTiming() {
        return eventMonth != null || season != null;
    }
}
