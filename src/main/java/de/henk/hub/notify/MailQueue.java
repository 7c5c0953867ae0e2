package de.henk.hub.notify;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.BusinessMetrics;
import de.henk.hub.system.Page;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.RequestValidator;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox: every mail is queued once per (event, recipient) — a redelivered event queues nothing new —
 * and sent by the mail routes with retries until SMTP takes it. Without an SMTP host the mail is written as an
 * .eml file under {@code <data-dir>/mail}. The table is also the record of what each customer was sent.
 */
@Component("mails")
public class MailQueue {

    private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final HenkProperties properties;
    private final Clock clock;
    private final BusinessMetrics metrics;
    private final RequestValidator requests;

    public MailQueue(JdbcClient db, TransactionTemplate tx, HenkProperties properties, Clock clock,
                     BusinessMetrics metrics, RequestValidator requests) {
        this.requests = requests;
        this.metrics = metrics;
        this.db = db;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues each draft unless this event already queued a mail for that recipient. */
    public int queue(List<MailDraft> drafts) {
        int queued = 0;
        for (MailDraft draft : drafts) {
            try {
                queued += db.sql("""
                        insert into mail_outbox (event_id, recipient, kind, language, user_id, subject, text_body,
                          html_body, attachment_name, attachment_type, attachment, status, attempts, next_attempt_at,
                          created_at)
                        select :event, :recipient, :kind, :language, :user, :subject, :text, :html, :attName, :attType,
                          :att, 'pending', 0, :now, :now
                        where not exists (select 1 from mail_outbox where event_id = :event and recipient = :recipient)""")
                        .param("event", draft.eventId()).param("recipient", draft.recipient())
                        .param("kind", draft.kind()).param("language", draft.language())
                        .param("user", draft.userId(), java.sql.Types.VARCHAR).param("subject", draft.subject())
                        .param("text", draft.textBody()).param("html", draft.htmlBody())
                        .param("attName", draft.attachmentName(), java.sql.Types.VARCHAR)
                        .param("attType", draft.attachmentType(), java.sql.Types.VARCHAR)
                        .param("att", draft.attachment(), java.sql.Types.VARCHAR)
                        .param("now", Timestamps.now(clock)).update();
            } catch (DuplicateKeyException alreadyQueued) {
                // the same event, delivered twice at the same moment
            }
        }
        return queued;
    }

    public List<QueuedMail> claimDue() {
        return tx.execute(status -> {
            OffsetDateTime now = Timestamps.now(clock);
            List<Long> ids = db.sql("""
                    select id from mail_outbox where status = 'pending' and next_attempt_at <= :now
                      and (claim_expires_at is null or claim_expires_at < :now)
                    order by id fetch first 20 rows only for update skip locked""")
                    .param("now", now).query(Long.class).list();
            List<QueuedMail> claimed = new ArrayList<>();
            for (long id : ids) {
                db.sql("update mail_outbox set claim_expires_at = :until where id = :id")
                        .param("until", now.plusSeconds(120)).param("id", id).update();
                claimed.add(db.sql("select * from mail_outbox where id = :id").param("id", id)
                        .query((rs, n) -> new QueuedMail(rs.getLong("id"), rs.getString("event_id"),
                                rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                                rs.getString("text_body"), rs.getString("html_body"), rs.getString("attachment_name"),
                                rs.getString("attachment_type"), rs.getString("attachment"), rs.getInt("attempts")))
                        .single());
            }
            return claimed;
        });
    }

    public boolean smtpConfigured() {
        return properties.mail().smtp();
    }

    /** The camel-mail endpoint: headers decide recipients and subject; credentials only when configured. */
    public String smtpUri() {
        HenkProperties.Mail mail = properties.mail();
        StringBuilder uri = new StringBuilder("smtp://").append(mail.host()).append(':').append(mail.port())
                .append("?useHeaderRecipients=true&useHeaderSubject=true")
                .append("&alternativeBodyHeader=CamelMailAlternativeBody&connectionTimeout=10000");
        if (mail.starttls()) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        if (mail.username() != null && !mail.username().isBlank()) {
            uri.append("&username=RAW(").append(mail.username()).append(")&password=RAW(")
                    .append(mail.password() == null ? "" : mail.password()).append(')');
        }
        return uri.toString();
    }

    /** Turns the message into what camel-mail sends: HTML body, plain-text alternative, optional attachment. */
    public void prepareSmtp(Exchange exchange, QueuedMail mail) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader("To", mail.recipient());
        message.setHeader("From", sender().toString());
        message.setHeader("Subject", MailTemplates.oneLine(mail.subject()));
        message.setHeader("Message-ID", messageId(mail));
        message.setHeader("Content-Type", "text/html; charset=UTF-8");
        message.setHeader("CamelMailAlternativeBody", mail.textBody());
        message.setBody(mail.htmlBody());
        if (mail.attachmentName() != null) {
            AttachmentMessage attachments = exchange.getMessage(AttachmentMessage.class);
            attachments.addAttachment(mail.attachmentName(), new DataHandler(new ByteArrayDataSource(
                    mail.attachment().getBytes(StandardCharsets.UTF_8), mail.attachmentType())));
        }
    }

    /** The embedded default: the same MIME message as a file any mail client opens. */
    public Path writeEml(QueuedMail mail) throws MessagingException, IOException {
        Path dir = properties.dataDir().resolve("mail");
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("%s-%06d-%s.eml",
                Timestamps.now(clock).toString().replace(":", "").replace(".", ""), mail.id(), mail.kind()));
        MimeMessage message = mime(mail, sender());
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }

    /**
     * The mail as a MIME message whose headers are 7-bit clean: the sender's display name ("HENK Maßschneiderei")
     * and the subject become RFC 2047 encoded-words, and the subject carries no control character that could end
     * the header line.
     */
    static MimeMessage mime(QueuedMail mail, InternetAddress from) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(MailTemplates.oneLine(mail.recipient())));
        message.setSubject(MailTemplates.oneLine(mail.subject()), "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(mail.htmlBody(), "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (mail.attachmentName() == null) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    mail.attachment().getBytes(StandardCharsets.UTF_8), mail.attachmentType())));
            attachment.setFileName(MailTemplates.oneLine(mail.attachmentName()));
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
        }
        message.saveChanges();
        message.setHeader("Message-ID", messageId(mail));
        return message;
    }

    /**
     * henk.mail.from with its display name kept as UTF-8 text, so it is written as an encoded-word
     * (InternetAddress parsed from a string would write the raw 8-bit name back).
     */
    InternetAddress sender() {
        return sender(properties.mail().from());
    }

    static InternetAddress sender(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, false);
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), MailTemplates.oneLine(parsed.getPersonal()), "UTF-8");
        } catch (AddressException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("henk.mail.from is not a mail address: " + from, e);
        }
    }

    public void sent(QueuedMail mail) {
        OffsetDateTime now = Timestamps.now(clock);
        db.sql("""
                update mail_outbox set status = 'sent', sent_at = :now, attempts = attempts + 1, claim_expires_at = null,
                  last_error = null where id = :id""").param("now", now).param("id", mail.id()).update();
        metrics.mail(mail.kind(), "sent");
    }

    /** Retries with back-off (SMTP down, greylisting); gives up after henk.mail.max-attempts. */
    public void failed(QueuedMail mail, Exception failure) {
        int attempts = mail.attempts() + 1;
        boolean dead = attempts >= properties.mail().maxAttempts();
        long delaySeconds = Math.min(600, 1L << Math.min(attempts, 10));
        String error = String.valueOf(failure.getMessage());
        db.sql("""
                update mail_outbox set status = :status, attempts = :attempts, next_attempt_at = :next,
                  claim_expires_at = null, last_error = :error where id = :id""")
                .param("status", dead ? "dead" : "pending").param("attempts", attempts)
                .param("next", Timestamps.now(clock).plusSeconds(delaySeconds))
                .param("error", error.substring(0, Math.min(1000, error.length()))).param("id", mail.id()).update();
        metrics.mail(mail.kind(), dead ? "dead" : "retry");
        log.warn("Mail {} ({}) not sent, attempt {}{}: {}", mail.id(), mail.kind(), attempts,
                dead ? " — giving up" : ", retry in " + delaySeconds + " s", failure.getClass().getSimpleName());
    }

    /** Support view: what a customer was sent (or is about to be), newest first. */
    public SentMail sentTo(String email, String page, String size) {
        Page.Request request = Page.request(page, size);
        String recipient = requests.emailParameter(email);
        if (recipient == null) {
            throw de.henk.hub.web.ApiException.badRequest("invalid_parameter", "email is required");
        }
        List<MailRecord> mails = db.sql("""
                select id, event_id, kind, subject, status, attempts, created_at, sent_at from mail_outbox
                where lower(recipient) = :r order by id desc offset :offset rows fetch next :limit rows only""")
                .param("r", recipient).param("offset", request.offset()).param("limit", request.size())
                .query((rs, n) -> new MailRecord(rs.getLong("id"), rs.getString("event_id"), rs.getString("kind"),
                        rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class)))
                .list();
        long total = db.sql("select count(*) from mail_outbox where lower(recipient) = :r").param("r", recipient)
                .query(Long.class).single();
        return new SentMail(mails, request.of(total));
    }

    private static String messageId(QueuedMail mail) {
        return "<" + mail.eventId() + "." + mail.id() + "@henk-hub>";
    }

    public record QueuedMail(long id, String eventId, String kind, String recipient, String subject, String textBody,
                             String htmlBody, String attachmentName, String attachmentType, String attachment,
                             int attempts) { }

    public record MailRecord(long id, String eventId, String kind, String subject, String status, int attempts,
                             OffsetDateTime createdAt, OffsetDateTime sentAt) { }

    public record SentMail(List<MailRecord> mails, Page page) { }
}
