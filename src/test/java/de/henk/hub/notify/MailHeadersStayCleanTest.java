package de.henk.hub.notify;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A written mail is RFC 5322/2047-clean: every header line is 7-bit ASCII (the shop's "Maßschneiderei" and a
 * customer's umlauts travel as encoded-words) and a name with CR/LF in it cannot start a header of its own.
 */
class MailHeadersStayCleanTest {

    private static final String INJECTED = "Jörg Weiß\r\nBcc: x@evil.example\r\nX-Evil: 1";

    @Test
    void everyHeaderIsSevenBitAndDecodesToTheShopAndTheSubject() throws Exception {
        MailTemplates.Rendered rendered = new MailTemplates().render("lead-created-team", "de",
                Map.of("name", "Jörg Weiß", "title", "Maßanzug für die Trauung", "value", "1.750 €"));
        MimeMessage parsed = writtenAndReadBack(rendered, "HENK Maßschneiderei <atelier@henk.example>");

        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("HENK Maßschneiderei");
        assertThat(from.getAddress()).isEqualTo("atelier@henk.example");
        assertThat(parsed.getSubject()).isEqualTo("Neuer Lead: Jörg Weiß – Maßanzug für die Trauung (1.750 €)");
        assertThat(parsed.getHeader("From")[0]).contains("=?UTF-8?");
    }

    @Test
    void aNameWithLineBreaksCannotAddAHeader() throws Exception {
        MailTemplates.Rendered rendered = new MailTemplates().render("lead-created-team", "de",
                Map.of("name", INJECTED, "title", "Smoking\nBcc: y@evil.example", "value", "900 €"));
        assertThat(rendered.subject()).doesNotContain("\r", "\n");
        MimeMessage parsed = writtenAndReadBack(rendered, "HENK Maßschneiderei <atelier@henk.example>");

        assertThat(parsed.getHeader("Bcc")).isNull();
        assertThat(parsed.getHeader("X-Evil")).isNull();
        assertThat(parsed.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("team@henk.example");
        assertThat(parsed.getSubject()).startsWith("Neuer Lead: Jörg Weiß Bcc: x@evil.example X-Evil: 1 – Smoking Bcc:");
    }

    @Test
    void aSubjectThatReachesTheQueueWithALineBreakIsStillOneHeader() throws Exception {
        // a subject queued before this rule (or by another writer) is cleaned again when the mail is built
        MailTemplates.Rendered raw = new MailTemplates.Rendered("Termin\r\nBcc: x@evil.example", "text", "<p>html</p>");
        MimeMessage parsed = writtenAndReadBack(raw, "atelier@henk.example");
        assertThat(parsed.getHeader("Bcc")).isNull();
        assertThat(parsed.getSubject()).isEqualTo("Termin Bcc: x@evil.example");
    }

    private static MimeMessage writtenAndReadBack(MailTemplates.Rendered rendered, String from) throws Exception {
        MailQueue.QueuedMail mail = new MailQueue.QueuedMail(7, "event-1", "lead-created-team", "team@henk.example",
                rendered.subject(), rendered.text(), rendered.html(), "termin.ics", "text/calendar; charset=UTF-8",
                "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MailQueue.mime(mail, MailQueue.sender(from)).writeTo(out);
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String headers = text.substring(0, text.indexOf("\r\n\r\n"));
        for (String line : headers.split("\r\n")) {
            assertThat(line.chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == '\t'))
                    .as("7-bit printable header line: %s", line).isTrue();
            assertThat(line.length()).as("header line length").isLessThanOrEqualTo(998);
        }
        List<String> names = Collections.list(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(bytes)).getAllHeaders()).stream().map(h -> h.getName()).toList();
        assertThat(names).doesNotContain("Bcc", "X-Evil");
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }
}
