package de.henk.hub.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the {@link PipedriveSimulator} saw it.
 *
 * @param method         HTTP method
 * @param path           request path without query string, e.g. {@code /api/v2/deals/7}
 * @param query          decoded query parameters (first value wins if a name repeats)
 * @param headers        request headers, names in lower case
 * @param body           request body decoded as UTF-8 ("" if none; chunked bodies are de-chunked)
 * @param responseStatus HTTP status sent back, or {@code 0} if no response was sent (hang / connection reset)
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
                              Map<String, List<String>> headers, String body, int responseStatus) {

    /** First value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** True if the request authenticated (or tried to) with the {@code api_token} query parameter. */
    public boolean usedQueryToken() {
        return query.containsKey("api_token");
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + responseStatus;
    }
}
