package de.henk.hub.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail templates in {@code templates/mail/<kind>.<language>.txt|html}: the first line of the text part is
 * "Subject: …"; {@code {{name}}} placeholders are filled in (HTML-escaped in the HTML part). German and English.
 */
@Component
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public Rendered render(String kind, String language, Map<String, String> values) {
        String lang = "en".equals(language) ? "en" : "de";
        String text = load(kind + "." + lang + ".txt");
        String html = load(kind + "." + lang + ".html");
        int newline = text.indexOf('\n');
        String subject = text.substring("Subject: ".length(), newline).strip();
        return new Rendered(oneLine(fill(subject, values, false)), fill(text.substring(newline + 1), values, false),
                wrapHtml(fill(html, values, true)));
    }

    /**
     * A header value that stays one header: CR, LF, other control characters and the Unicode line separators
     * (from a customer's name or a deal title) become a space, so no value can end the line and start a new header.
     */
    public static String oneLine(String value) {
        return value == null ? null : CONTROL.matcher(value).replaceAll(" ").strip();
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value, "UTF-8") : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String wrapHtml(String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head>"
                + "<body style=\"font-family:Georgia,serif;color:#222;line-height:1.5\">" + body + "</body></html>";
    }

    private String load(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = MailTemplates.class.getResourceAsStream("/templates/mail/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("missing mail template " + n);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public record Rendered(String subject, String text, String html) { }
}
