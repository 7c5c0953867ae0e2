package de.henk.hub.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.config.HenkProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Bodies and query strings of the Pipedrive API v2 calls the pipedrive routes make. */
@Component("pipedriveRequests")
public class PipedriveRequests {

    private final ObjectMapper json;
    private final HenkProperties.Pipedrive.Webhook webhook;
    private final CrmStore store;
    private final PhoneNumbers phones;
    private final PipedriveOriginId originIds;

    public PipedriveRequests(ObjectMapper json, HenkProperties properties, CrmStore store, PhoneNumbers phones,
                             PipedriveOriginId originIds) {
        this.json = json;
        this.store = store;
        this.phones = phones;
        this.originIds = originIds;
        this.webhook = properties.pipedrive().webhook();
    }

    /** POST /v1/webhooks — every deal and person event, v2 payloads, HTTP Basic towards the hub. */
    public String newWebhook() {
        ObjectNode body = json.createObjectNode();
        body.put("subscription_url", webhookUrl());
        body.put("event_action", "*");
        body.put("event_object", "*");
        body.put("name", "HENK hub");
        body.put("version", "2.0");
        body.put("http_auth_user", webhook.username());
        body.put("http_auth_password", webhook.password());
        return write(body);
    }

    /**
     * True unless GET /v1/webhooks lists an active one with the hub's subscription URL in the v2 format the hub
     * reads: one Pipedrive deactivated (after failed deliveries) or one made by hand in the v1 format delivers
     * nothing the hub can use, so the hub registers its own beside it.
     */
    public boolean webhookMissing(String body) {
        try {
            for (var existing : json.readTree(body).path("data")) {
                if (deliversToHub(existing, webhookUrl())) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A listed webhook that sends every event, in the v2 format, to the hub's URL. */
    static boolean deliversToHub(JsonNode webhook, String hubUrl) {
        return hubUrl.equals(webhook.path("subscription_url").asText())
                && webhook.path("is_active").asInt(1) != 0
                && webhook.path("version").asText("2.0").startsWith("2");
    }

    private String webhookUrl() {
        String base = webhook.publicUrl().endsWith("/") ? webhook.publicUrl().substring(0, webhook.publicUrl().length() - 1)
                : webhook.publicUrl();
        return base + "/api/crm/webhooks/pipedrive";
    }

    /**
     * By exact email; a customer known only by phone by their number in international form, the form the hub
     * gives such a person's phone in Pipedrive (the search matches the term anywhere in a stored number;
     * {@link PipedriveResponses#samePerson} compares the numbers).
     */
    public String personSearchQuery(Deal deal) {
        if (deal.email() != null) {
            return "term=" + encode(deal.email()) + "&fields=email&exact_match=true&limit=10";
        }
        return "term=" + encode(phones.identifying(deal.phone())) + "&fields=phone&limit=100";
    }


    /**
     * The person's deals, newest first: the deal an earlier attempt of a lead created is among the newest, so the
     * first page nearly always holds it or shows that no page does ({@link PipedriveResponses#earlierDeal}).
     */
    public String dealsOfPersonQuery(Long personId) {
        return "person_id=" + personId + "&sort_by=add_time&sort_direction=desc&limit=500";
    }

    public String pipelinesQuery(String cursor) {
        return everyPage(cursor);
    }

    public String stagesQuery(String cursor) {
        return everyPage(cursor);
    }

    /** A page of a list read whole: the most Pipedrive gives a page, from the cursor (null: the first page). */
    private static String everyPage(String cursor) {
        return "limit=500" + (cursor == null ? "" : "&cursor=" + encode(cursor));
    }

    /** POST /api/v2/persons — emails and phones are arrays of {value, primary, label}. */
    public String newPerson(Deal deal) {
        ObjectNode person = json.createObjectNode();
        person.put("name", deal.personName());
        if (deal.email() != null) {
            ObjectNode email = person.putArray("emails").addObject();
            email.put("value", deal.email()).put("primary", true).put("label", "work");
        }
        if (deal.phone() != null) {
            ObjectNode phone = person.putArray("phones").addObject();
            // a person known only by phone is found again by that number, so it goes to Pipedrive in one form
            // (+491701234567) however the customer wrote it; beside an email the number stays as written
            phone.put("value", deal.email() != null ? deal.phone() : phones.identifying(deal.phone())).put("primary", true)
                    .put("label", "mobile");
        }
        return write(person);
    }

    /**
     * POST /api/v2/deals — origin_id is the idempotency key that lets a retry find a deal created before a crash
     * (left out where this Pipedrive refused it: {@link PipedriveOriginId}).
     */
    public String newDeal(Deal deal, Long personId, Integer stageId) {
        return newDeal(deal, personId, stageId, originIds.sent());
    }

    /** {@link #newDeal(Deal, Long, Integer)}, with origin_id or without (the try after a refusal). */
    public String newDeal(Deal deal, Long personId, Integer stageId, boolean withOriginId) {
        ObjectNode body = json.createObjectNode();
        body.put("title", deal.title());
        body.put("value", deal.value());
        body.put("currency", deal.currency());
        body.put("person_id", personId);
        body.put("stage_id", stageId);
        if (withOriginId) {
            body.put("origin_id", originId(deal));
        }
        java.time.LocalDate close = store.expectedCloseDate(deal.id());
        if (close != null) {
            body.put("expected_close_date", close.toString());
        }
        return write(body);
    }

    /** PATCH /api/v2/deals/{id} — exactly the fields the sales team changed. */
    public String dealPatch(OutboxEntry entry) {
        return entry.payload();
    }

    /** {@link #personPatch(String, Deal, OutboxEntry)} of an entry that renames nobody. */
    public String personEmailsPatch(String person, Deal deal) {
        return personPatch(person, deal, null);
    }

    /**
     * PATCH /api/v2/persons/{id} — what the customer said later ({@link LeadIntake#addContact}) joins the person as
     * Pipedrive has it now (the {@code person}, its GET answer): the deal's email added to the person's emails and its
     * phone to the person's phones (v2 replaces a list it is sent, so the ones Pipedrive has stay, and so does which
     * is primary); the deal's name replaces the person's only while the person still bears the placeholder the hub
     * gave it ({@code name_was} in the {@code entry}'s payload) - a name the sales team typed in Pipedrive meanwhile,
     * or the name of a person the lead was matched to, stays. Null when there is nothing to change (the person was
     * created after the customer said it, or has it already): the same entry retried patches nothing twice.
     */
    public String personPatch(String person, Deal deal, OutboxEntry entry) {
        try {
            JsonNode current = json.readTree(person).path("data");
            ObjectNode patch = json.createObjectNode();
            String nameWas = entry == null ? null : json.readTree(entry.payload()).path("name_was").asText(null);
            if (nameWas != null && deal.personName() != null && !deal.personName().equals(nameWas)
                    && nameWas.strip().equalsIgnoreCase(current.path("name").asText("").strip())) {
                patch.put("name", deal.personName());
            }
            ArrayNode emails = contactsPlus(current.path("emails"), deal.email(), "work",
                    (known, added) -> known.equalsIgnoreCase(added));
            if (emails != null) {
                patch.set("emails", emails);
            }
            if (deal.phone() != null) {
                // as newPerson writes it: international when the number is all the team has, else as written
                String phone = deal.email() != null ? deal.phone() : phones.identifying(deal.phone());
                ArrayNode phoneList = contactsPlus(current.path("phones"), phone, "mobile",
                        (known, added) -> known.equals(added) || phones.same(known, added));
                if (phoneList != null) {
                    patch.set("phones", phoneList);
                }
            }
            return patch.isEmpty() ? null : write(patch);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The person's {@code existing} emails or phones plus {@code added} (primary when it is the first, with
     * {@code label}); null when {@code added} is null or among them already.
     */
    private ArrayNode contactsPlus(JsonNode existing, String added,
                                   String label, java.util.function.BiPredicate<String, String> same) {
        if (added == null) {
            return null;
        }
        ArrayNode list = json.createArrayNode();
        for (JsonNode item : existing) {
            String value = item.path("value").asText("");
            if (value.isBlank()) {
                continue;
            }
            if (same.test(value, added)) {
                return null;
            }
            list.addObject().put("value", value).put("primary", item.path("primary").asBoolean(false))
                    .put("label", item.path("label").asText(label));
        }
        boolean first = list.isEmpty();
        list.addObject().put("value", added).put("primary", first).put("label", label);
        return list;
    }

    /** POST /v1/notes — the conversation summary on the deal and its person. */
    public String newNote(OutboxEntry entry, Deal deal) {
        try {
            ObjectNode body = (ObjectNode) json.readTree(entry.payload());
            body.put("deal_id", deal.pipedriveDealId());
            body.put("person_id", deal.pipedrivePersonId());
            return write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String originId(Deal deal) {
        return "henk-deal-" + deal.id();
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
