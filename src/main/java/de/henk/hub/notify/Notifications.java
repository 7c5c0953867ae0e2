package de.henk.hub.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.config.HenkProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who gets which mail for an event, in which language, with what content. The notification routes decide
 * *which* mails an event causes; this bean renders each one.
 */
@Component("notifications")
public class Notifications {

    private final ObjectMapper json;
    private final MailTemplates templates;
    private final JdbcClient db;
    private final HenkProperties properties;

    public Notifications(ObjectMapper json, MailTemplates templates, JdbcClient db, HenkProperties properties) {
        this.json = json;
        this.templates = templates;
        this.db = db;
        this.properties = properties;
    }

    /** The CloudEvent in a consumed message (a JSON string from seda or Kafka). */
    public CloudEvent read(String body) throws IOException {
        JsonNode event = json.readTree(body);
        if (!event.hasNonNull("id") || !event.hasNonNull("type")) {
            throw new IllegalArgumentException("not a CloudEvent: id and type are required");
        }
        return new CloudEvent(event.path("id").asText(), event.path("type").asText(), event.path("subject").asText(),
                event.path("data"));
    }

    /** lead created → the sales team: who, what, value, Pipedrive link, what HENK learned in the chat. */
    public List<MailDraft> leadCreatedTeamNotice(CloudEvent event) {
        JsonNode data = event.data();
        Map<String, String> values = dealValues(data);
        values.put("source", "chat".equals(data.path("source").asText()) ? "den Chat mit HENK" : "die Website");
        values.put("phone", data.path("phone").asText(""));
        values.put("summary", conversationSummary(data.path("deal_id").asLong()));
        return teamMails(event, "lead-created-team", values);
    }

    /**
     * True for the win that made the deal an order — the one the customer and the team hear of. A deal reopened (or
     * lost) and won again has its order and its mails already ({@code order_created: false}); an event recorded
     * before the field existed counts as the first win.
     */
    public boolean createdTheOrder(CloudEvent event) {
        JsonNode created = event.data().path("order_created");
        return !created.isBoolean() || created.booleanValue();
    }

    /** deal won → order confirmation to the customer, in their language. */
    public List<MailDraft> dealWonCustomerConfirmation(CloudEvent event) {
        JsonNode data = event.data();
        String email = data.path("email").asText("");
        if (email.isBlank()) {
            return List.of();
        }
        String language = customerLanguage(data.path("user_id").asText(null), email);
        Map<String, String> values = dealValues(data);
        values.put("value", money(data.path("value").decimalValue(), data.path("currency").asText("EUR"), language));
        return List.of(new MailDraft(event.id(), "deal-won-customer", email, language,
                blankToNull(data.path("user_id").asText(null)), templates.render("deal-won-customer", language, values)));
    }

    /** deal won → notice to the sales team. */
    public List<MailDraft> dealWonTeamNotice(CloudEvent event) {
        Map<String, String> values = dealValues(event.data());
        values.put("changed_in", "pipedrive".equals(event.data().path("changed_in").asText()) ? "Pipedrive" : "HENK hub");
        return teamMails(event, "deal-won-team", values);
    }

    /** appointment booked or cancelled → the customer, with an iCalendar invitation (or its cancellation). */
    public List<MailDraft> appointmentMail(CloudEvent event) {
        JsonNode data = event.data();
        boolean cancelled = event.type().endsWith("cancelled");
        String email = data.path("email").asText("");
        String language = customerLanguage(data.path("user_id").asText(null), email);
        de.henk.hub.appointments.AppointmentType type = de.henk.hub.appointments.AppointmentType.of(
                data.path("type").asText());
        java.time.LocalDate date = java.time.LocalDate.parse(data.path("date").asText());
        Map<String, String> values = new HashMap<>(shopValues());
        values.put("name", data.path("name").asText(""));
        values.put("appointment", type.label(language));
        values.put("date", date.format(java.time.format.DateTimeFormatter.ofPattern(
                "en".equals(language) ? "EEEE, d MMMM yyyy" : "EEEE, d. MMMM yyyy",
                "en".equals(language) ? Locale.UK : Locale.GERMANY)));
        values.put("time", data.path("time").asText().substring(0, 5));
        values.put("duration", data.path("duration_minutes").asText());
        String kind = cancelled ? "appointment-cancelled" : "appointment-booked";
        MailTemplates.Rendered rendered = templates.render(kind, language, values);
        String ics = Icalendar.event(new Icalendar.Invitation(calendarUid(data), cancelled,
                java.time.OffsetDateTime.parse(data.path("starts_at").asText()),
                java.time.OffsetDateTime.parse(data.path("ends_at").asText()),
                type.label(language) + " – " + properties.shop().name(), properties.shop().address(),
                properties.shop().name(), mailAddress(properties.mail().from()), data.path("name").asText(""), email,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)));
        return List.of(new MailDraft(event.id(), kind, email, language, blankToNull(data.path("user_id").asText(null)),
                rendered.subject(), rendered.text(), rendered.html(), cancelled ? "absage.ics" : "termin.ics",
                "text/calendar; charset=UTF-8; method=" + (cancelled ? "CANCEL" : "REQUEST"), ics));
    }

    /** order status changed → the customer. */
    public List<MailDraft> orderStatusMail(CloudEvent event) {
        JsonNode data = event.data();
        String email = data.path("email").asText("");
        if (email.isBlank()) {
            // a customer known only by phone: the team calls them
            return List.of();
        }
        String language = customerLanguage(data.path("user_id").asText(null), email);
        Map<String, String> values = new HashMap<>(shopValues());
        values.put("name", data.path("name").asText(""));
        values.put("title", data.path("title").asText(""));
        values.put("status", de.henk.hub.orders.OrderStatus.of(data.path("status").asText()).label(language));
        values.put("ready", java.time.LocalDate.parse(data.path("expected_ready_date").asText()).format(
                java.time.format.DateTimeFormatter.ofPattern("en".equals(language) ? "d MMMM yyyy" : "d. MMMM yyyy",
                        "en".equals(language) ? Locale.UK : Locale.GERMANY)));
        return List.of(new MailDraft(event.id(), "order-status", email, language,
                blankToNull(data.path("user_id").asText(null)), templates.render("order-status", language, values)));
    }

    /** handoff requested → the sales team: who, which session, what they said last. */
    public List<MailDraft> handoffTeamNotice(CloudEvent event) {
        JsonNode data = event.data();
        Map<String, String> values = new HashMap<>(shopValues());
        values.put("name", data.path("name").asText("Ein Kunde"));
        values.put("email", data.hasNonNull("email") ? "<" + data.path("email").asText() + ">" : "");
        values.put("message", data.path("message").asText(""));
        values.put("session_id", data.path("session_id").asText(""));
        String language = properties.mail().teamLanguage();
        MailTemplates.Rendered rendered = templates.render("handoff-team", language, values);
        return Arrays.stream(properties.mail().team().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(recipient -> new MailDraft(event.id(), "handoff-team", recipient, language, null, rendered)).toList();
    }

    private Map<String, String> shopValues() {
        return Map.of("shop_name", properties.shop().name(), "shop_address", properties.shop().address(),
                "shop_phone", properties.shop().phone(), "shop_website", properties.shop().website());
    }

    /** How the team reaches the customer: "<kunde@example.com> +49 170 1234567", or just one of the two. */
    private static String contact(JsonNode data) {
        String email = data.path("email").asText("");
        String phone = data.path("phone").asText("");
        return ((email.isBlank() ? "" : "<" + email + ">") + " " + phone).strip();
    }

    private List<MailDraft> teamMails(CloudEvent event, String kind, Map<String, String> values) {
        String language = properties.mail().teamLanguage();
        values.put("value", money(event.data().path("value").decimalValue(), event.data().path("currency").asText("EUR"),
                language));
        MailTemplates.Rendered rendered = templates.render(kind, language, values);
        return Arrays.stream(properties.mail().team().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(recipient -> new MailDraft(event.id(), kind, recipient, language, null, rendered)).toList();
    }

    private Map<String, String> dealValues(JsonNode data) {
        Map<String, String> values = new HashMap<>();
        values.put("name", data.path("name").asText(""));
        values.put("email", data.path("email").asText(""));
        values.put("contact", contact(data));
        values.put("title", data.path("title").asText(""));
        values.put("shop_name", properties.shop().name());
        values.put("shop_address", properties.shop().address());
        values.put("shop_phone", properties.shop().phone());
        values.put("shop_website", properties.shop().website());
        values.put("pipedrive_link", pipedriveLink(data.path("deal_id").asLong()));
        return values;
    }

    private String pipedriveLink(long dealId) {
        String app = properties.pipedrive().appUrl();
        Long pipedriveId = db.sql("select pipedrive_deal_id from crm_deal where id = :id").param("id", dealId)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().orElse(null);
        if (pipedriveId == null) {
            return "Pipedrive: wird gerade übertragen (Deal " + dealId + " im HENK hub)";
        }
        if (app == null || app.isBlank()) {
            return "Pipedrive: Deal " + pipedriveId;
        }
        return "Pipedrive: " + app.replaceAll("/+$", "") + "/deal/" + pipedriveId;
    }

    /** The customer's language: the one they chatted in last, German by default. */
    private String customerLanguage(String userId, String email) {
        String user = userId != null && !userId.isBlank() ? userId
                : db.sql("select id from app_user where email = :e").param("e", email).query(String.class).optional()
                        .orElse(null);
        if (user == null) {
            return "de";
        }
        return db.sql("select profile from chat_session where user_id = :u order by updated_at desc fetch first 1 rows only")
                .param("u", user).query(String.class).optional()
                .map(this::languageOf).orElse("de");
    }

    private String languageOf(String profileJson) {
        try {
            return "en".equals(json.readTree(profileJson).path("language").asText()) ? "en" : "de";
        } catch (IOException e) {
            return "de";
        }
    }

    private String conversationSummary(long dealId) {
        String profile = db.sql("""
                select s.profile from crm_deal d join crm_lead l on l.id = d.lead_id
                join chat_session s on s.id = l.session_id where d.id = :id""")
                .param("id", dealId).query(String.class).optional().orElse(null);
        if (profile == null) {
            return "(kein Chatverlauf – Anfrage über das Formular)";
        }
        try {
            StringBuilder summary = new StringBuilder();
            json.readTree(profile).fields().forEachRemaining(field -> summary.append("- ").append(field.getKey())
                    .append(": ").append(field.getValue().isValueNode() ? field.getValue().asText() : field.getValue())
                    .append('\n'));
            return summary.toString().strip();
        } catch (IOException e) {
            return "";
        }
    }

    static String money(BigDecimal amount, String currency, String language) {
        Locale locale = "en".equals(language) ? Locale.UK : Locale.GERMANY;
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        String number = format.format(amount);
        if ("EUR".equals(currency)) {
            return "en".equals(language) ? "€" + number : number + " €";
        }
        return number + " " + currency;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The appointment's iCalendar UID; events recorded before it existed fall back to one per row. */
    private static String calendarUid(JsonNode data) {
        String uid = data.path("calendar_uid").asText("");
        return uid.isBlank() ? "appointment-" + data.path("appointment_id").asLong() + "@henk-hub" : uid;
    }

    /** "HENK <termine@henk.example>" → "termine@henk.example". */
    private static String mailAddress(String from) {
        int open = from.indexOf('<');
        int close = from.indexOf('>', open + 1);
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }

    /** A consumed CloudEvent. */
    public record CloudEvent(String id, String type, String subject, JsonNode data) { }
}
