package de.henk.hub.notify;

/** A rendered mail for one recipient, caused by one event; queued at most once per (event, recipient). */
public record MailDraft(String eventId, String kind, String recipient, String language, String userId, String subject,
                        String textBody, String htmlBody, String attachmentName, String attachmentType,
                        String attachment) {

    public MailDraft(String eventId, String kind, String recipient, String language, String userId,
                     MailTemplates.Rendered rendered) {
        this(eventId, kind, recipient, language, userId, rendered.subject(), rendered.text(), rendered.html(), null,
                null, null);
    }
}
