package de.henk.hub.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SharedMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A customer asks for a person; the team is told, answers inside the session, and hands it back. */
class HumanHandoffTest extends HubTest {

    @Test
    void aPersonTakesOverTheSessionAndHandsItBack() {
        Account customer = register(uniqueEmail("kunde"));
        String session = api.post("/api/chat", Map.of("message", "Ich suche einen Anzug für eine Hochzeit"),
                customer.accessToken()).text("session_id");

        Api.Response requested = api.post("/api/chat/sessions/" + session + "/handoff",
                Map.of("reason", "Ich möchte bitte mit einem Menschen sprechen"), customer.accessToken());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.json().path("status").asText()).isEqualTo("open");
        // asking twice changes nothing
        assertThat(api.post("/api/chat/sessions/" + session + "/handoff", null, customer.accessToken()).json()
                .path("id").asLong()).isEqualTo(requested.json().path("id").asLong());

        Account sales = salesPerson();
        JsonNode queue = api.get("/api/handoffs", sales.accessToken()).json().path("handoffs");
        assertThat(ids(queue)).contains(session);

        await().atMost(Duration.ofSeconds(30)).until(() -> SharedMail.receivedBy(TEAM_EMAIL).stream()
                .anyMatch(m -> subject(m).startsWith("Gesprächswunsch: Max Mustermann")));

        Api.Response answer = api.post("/api/chat/sessions/" + session + "/messages",
                Map.of("content", "Guten Tag, hier ist Anna aus dem Atelier – wie kann ich helfen?"), sales.accessToken());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode messages = api.get("/api/chat/sessions/" + session, customer.accessToken()).json().path("messages");
        assertThat(messages.get(messages.size() - 1).path("author").asText()).isEqualTo("staff");
        assertThat(messages.get(messages.size() - 1).path("content").asText()).contains("Anna aus dem Atelier");
        assertThat(api.get("/api/handoffs", sales.accessToken()).json().path("handoffs").toString())
                .contains("\"status\":\"active\"");

        // while a person owns the session HENK stays quiet; the customer's message waits for the person
        Api.Response quiet = api.post("/api/chat", Map.of("message", "Danke! Haben Sie auch Leinen?",
                "session_id", session), customer.accessToken());
        assertThat(quiet.status()).isEqualTo(200);
        assertThat(quiet.text("reply")).isEmpty();
        assertThat(quiet.text("concierge")).isEqualTo("staff");
        JsonNode waiting = api.get("/api/chat/sessions/" + session, customer.accessToken()).json().path("messages");
        assertThat(waiting.get(waiting.size() - 1).path("author").asText()).isEqualTo("customer");

        Api.Response released = api.post("/api/chat/sessions/" + session + "/release", null, sales.accessToken());
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().path("status").asText()).isEqualTo("released");
        assertThat(ids(api.get("/api/handoffs", sales.accessToken()).json().path("handoffs"))).doesNotContain(session);
        assertThat(api.post("/api/chat/sessions/" + session + "/release", null, sales.accessToken()).status())
                .isEqualTo(409);
        // and HENK speaks again
        Api.Response back = api.post("/api/chat", Map.of("message", "Im Juni, Budget etwa 2000 Euro",
                "session_id", session), customer.accessToken());
        assertThat(back.text("reply")).isNotBlank();
        assertThat(back.text("concierge")).isNotEqualTo("staff");
    }

    @Test
    void askingForAPersonInTheChatHandsTheSessionToTheTeam() {
        Account customer = register(uniqueEmail("kunde"));
        Api.Response asked = api.post("/api/chat", Map.of("message", "Kann ich bitte mit einem Menschen sprechen?"),
                customer.accessToken());
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.text("reply")).isNotBlank();
        String session = asked.text("session_id");
        assertThat(ids(api.get("/api/handoffs", salesPerson().accessToken()).json().path("handoffs"))).contains(session);

        // in the middle of the dialogue: HENK hands over and asks nothing more of its own (no style question)
        Api.Response budget = api.post("/api/chat", Map.of("message", "Anzug für eine Hochzeit im Mai, 2000 Euro"), "");
        Api.Response person = api.post("/api/chat", Map.of("message", "Ich möchte mit einem Menschen sprechen",
                "session_id", budget.text("session_id")), "");
        assertThat(budget.text("reply")).contains("Welcher Stil");
        assertThat(person.text("reply")).contains("verbinde ich Sie").doesNotContain("Welcher Stil", "?");

        Api.Response english = api.post("/api/chat", Map.of("message", "I would like to talk to a human, please"), "");
        assertThat(ids(api.get("/api/handoffs", salesPerson().accessToken()).json().path("handoffs")))
                .contains(english.text("session_id"));
        // the longest message a customer may send, in emoji (4000 UTF-16 units): its reason is stored whole
        String ask = "Ich möchte mit einem Menschen sprechen ";
        String longest = ask + "😀".repeat(2000 - ask.length());
        Api.Response emoji = api.post("/api/chat", Map.of("message", longest), "");
        assertThat(emoji.status()).isEqualTo(200);
        assertThat(ids(api.get("/api/handoffs", salesPerson().accessToken()).json().path("handoffs")))
                .contains(emoji.text("session_id"));
        // "maßgeschneidert" and ordinary tailoring talk do not
        Api.Response normal = api.post("/api/chat", Map.of("message", "Ich möchte einen maßgeschneiderten Anzug"), "");
        assertThat(ids(api.get("/api/handoffs", salesPerson().accessToken()).json().path("handoffs")))
                .doesNotContain(normal.text("session_id"));
        // people mentioned, or the question whether HENK is one: answered, not handed over
        Api.Response banker = api.post("/api/chat",
                Map.of("message", "Mein Berater bei der Bank meinte, ein Maßanzug für das Büro lohnt sich"), "");
        Api.Response bot = api.post("/api/chat", Map.of("message", "Sind Sie ein Mensch?"), "");
        assertThat(bot.text("reply")).contains("digitale Concierge").doesNotContain("verbinde ich Sie");
        assertThat(banker.text("reply")).doesNotContain("verbinde ich Sie");
        assertThat(ids(api.get("/api/handoffs", salesPerson().accessToken()).json().path("handoffs")))
                .doesNotContain(banker.text("session_id"), bot.text("session_id"));
    }

    /**
     * Until a staff member has answered, HENK keeps answering a customer who asked for a person — briefly, without
     * selling — and contact details left meanwhile reach the team as a lead. From the first answer on, HENK is quiet.
     */
    @Test
    void whileNobodyHasAnsweredHenkAnswersAndContactDetailsReachTheTeam() {
        String email = uniqueEmail("wartet");
        Api.Response asked = api.post("/api/chat", Map.of("message", "Ich möchte mit einem Mitarbeiter sprechen"), "");
        String session = asked.text("session_id");
        Account sales = salesPerson();
        assertThat(ids(api.get("/api/handoffs", sales.accessToken()).json().path("handoffs"))).contains(session);

        Api.Response again = api.post("/api/chat", Map.of("message", "Einen Menschen, bitte!", "session_id", session), "");
        assertThat(again.text("reply")).as(again.toString()).contains("bereits informiert");
        assertThat(again.text("concierge")).isNotEqualTo("staff");

        Api.Response contact = api.post("/api/chat", Map.of("message", "Ein Anzug für eine Hochzeit, " + email,
                "session_id", session), "");
        assertThat(contact.text("reply")).as(contact.toString()).contains(email).doesNotContain("?");
        assertThat(contact.json().path("lead").path("status").asText()).isEqualTo("created");
        assertThat(contact.json().path("recommendations")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> SharedMail.receivedBy(TEAM_EMAIL).stream()
                .anyMatch(m -> subject(m).startsWith("Neuer Lead") && body(m).contains(email)));
        // still the one handoff in the queue, now with a lead beside it
        assertThat(ids(api.get("/api/handoffs", sales.accessToken()).json().path("handoffs")))
                .filteredOn(session::equals).hasSize(1);

        api.post("/api/chat/sessions/" + session + "/messages", Map.of("content", "Hallo, hier ist Anna vom Atelier"),
                sales.accessToken());
        Api.Response quiet = api.post("/api/chat", Map.of("message", "Danke, Anna!", "session_id", session), "");
        assertThat(quiet.text("reply")).isEmpty();
        assertThat(quiet.text("concierge")).isEqualTo("staff");
    }

    /** A visitor without an account who told HENK who they are is named in the team's queue, not "anonymous". */
    @Test
    void theQueueNamesAVisitorByWhatTheyToldHenk() {
        String email = uniqueEmail("jana.wolff");
        Api.Response first = api.post("/api/chat", Map.of("message",
                "Hallo, ich bin Jana Wolff und suche einen Anzug für meine Hochzeit im Juni"), "");
        String session = first.text("session_id");
        api.post("/api/chat", Map.of("message", "Erreichbar bin ich unter " + email, "session_id", session), "");
        Api.Response anonymous = api.post("/api/chat", Map.of("message", "Hallo, ich brauche Hilfe"), "");

        api.post("/api/chat", Map.of("message", "Ich möchte mit einem Menschen sprechen", "session_id", session), "");
        api.post("/api/chat", Map.of("message", "Ich möchte mit einem Menschen sprechen",
                "session_id", anonymous.text("session_id")), "");

        JsonNode queue = api.get("/api/handoffs", salesPerson().accessToken()).json().path("handoffs");
        JsonNode named = entry(queue, session);
        assertThat(named.path("customer_name").asText()).as(queue.toString()).isEqualTo("Jana Wolff");
        assertThat(named.path("customer_email").asText()).isEqualTo(email);
        JsonNode unnamed = entry(queue, anonymous.text("session_id"));
        assertThat(unnamed.path("customer_name").isNull()).as(unnamed.toString()).isTrue();
    }

    private static JsonNode entry(JsonNode handoffs, String session) {
        for (JsonNode handoff : handoffs) {
            if (handoff.path("session_id").asText().equals(session)) {
                return handoff;
            }
        }
        throw new AssertionError("no handoff for " + session + " in " + handoffs);
    }

    @Test
    void onlyTheSessionsOwnerAsksAndOnlyTheTeamAnswers() {
        Account alice = register(uniqueEmail("alice"));
        Account bob = register(uniqueEmail("bob"));
        String aliceSession = api.post("/api/chat", Map.of("message", "Hallo"), alice.accessToken()).text("session_id");
        assertThat(api.post("/api/chat/sessions/" + aliceSession + "/handoff", null, bob.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/chat/sessions/nope/handoff", null, null).status()).isEqualTo(404);
        assertThat(api.post("/api/chat/sessions/" + aliceSession + "/messages", Map.of("content", "Hi"),
                alice.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/handoffs", alice.accessToken()).status()).isEqualTo(403);
        assertThat(api.post("/api/chat/sessions/" + aliceSession + "/handoff", "{\"reason\": 42}",
                alice.accessToken()).json().path("code").asText()).isEqualTo("invalid_type");

        // an anonymous visitor holding the session id may ask too
        String anonymous = api.post("/api/chat", Map.of("message", "Hallo"), "").text("session_id");
        assertThat(api.post("/api/chat/sessions/" + anonymous + "/handoff", null, "").status()).isEqualTo(201);
    }

    private static List<String> ids(JsonNode handoffs) {
        List<String> ids = new ArrayList<>();
        handoffs.forEach(h -> ids.add(h.path("session_id").asText()));
        return ids;
    }

    private static String body(jakarta.mail.internet.MimeMessage message) {
        try {
            if (message.getContent() instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(multipart.getBodyPart(i).getContent());
                }
                return text.toString();
            }
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            return "";
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
