package de.henk.hub.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SharedKafka;
import de.henk.hub.support.SharedMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events through a real Kafka broker, mails through a real SMTP server: a won deal mails the customer (in their
 * language) and the team exactly once — also when the event is delivered again, and when SMTP was down.
 */
class EventsAndNotificationsTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient db;

    @Autowired
    de.henk.hub.events.DomainEvents events;

    @Test
    void aWonDealMailsTheCustomerAndTheTeamOnceInTheCustomersLanguage() throws Exception {
        Account sales = salesPerson();
        Account german = register(uniqueEmail("kunde"));
        api.post("/api/chat", Map.of("message", "Ich suche einen Anzug für eine Hochzeit"), german.accessToken());
        Account english = register(uniqueEmail("customer"));
        api.post("/api/chat", Map.of("message", "I am looking for a suit for my wedding"), english.accessToken());

        long germanDeal = win(german, sales, 2800);
        long englishDeal = win(english, sales, 3150);

        MimeMessage confirmation = awaitOne(german.email());
        assertThat(confirmation.getSubject()).contains("Ihr Maßanzug");
        String text = textPart(confirmation);
        assertThat(text).contains("Max Mustermann").contains("Hochzeits-Anzug").contains("2.800 €")
                .contains("Maßnehmen").contains("Anprobe");
        assertThat(htmlPart(confirmation)).contains("<strong>2.800 €</strong>");

        MimeMessage englishConfirmation = awaitOne(english.email());
        assertThat(englishConfirmation.getSubject()).contains("Your made-to-measure suit");
        assertThat(textPart(englishConfirmation)).contains("€3,150").contains("fitting");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(teamMails("Gewonnen", german.email()))
                .hasSize(1));
        MimeMessage notice = teamMails("Gewonnen", german.email()).get(0);
        assertThat(textPart(notice)).contains("https://henk-test.pipedrive.com/deal/");
        assertThat(teamMails("Neuer Lead", german.email())).hasSize(1);

        Thread.sleep(1500); // nothing more arrives
        assertThat(SharedMail.receivedBy(german.email())).hasSize(1);
        assertThat(teamMails("Gewonnen", german.email())).hasSize(1);

        Api.Response record = api.get("/api/crm/mails?email=" + german.email(), sales.accessToken());
        assertThat(record.json().path("mails").get(0).path("kind").asText()).isEqualTo("deal-won-customer");
        assertThat(record.json().path("mails").get(0).path("status").asText()).isEqualTo("sent");
        assertThat(germanDeal).isNotEqualTo(englishDeal);
    }

    @Test
    void anEventDeliveredTwiceMoreStillSendsOneMail() throws Exception {
        Account sales = salesPerson();
        Account customer = register(uniqueEmail("kunde"));
        long deal = win(customer, sales, 2500);
        awaitOne(customer.email());
        String wonEvent = db.sql("select payload from event_outbox where subject = :s and type = 'henk.deal.won'")
                .param("s", "deal/" + deal).query(String.class).single();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(new ProducerRecord<>(SharedKafka.TOPIC, "deal/" + deal, wonEvent)).get();
            producer.send(new ProducerRecord<>(SharedKafka.TOPIC, "deal/" + deal, wonEvent)).get();
        }
        Thread.sleep(3000);
        assertThat(SharedMail.receivedBy(customer.email())).hasSize(1);
        long queued = db.sql("select count(*) from mail_outbox where recipient = :r").param("r", customer.email())
                .query(Long.class).single();
        assertThat(queued).isEqualTo(1);
    }

    @Test
    void aMailQueuedWhileSmtpIsDownArrivesOnceItIsBack() throws Exception {
        Account sales = salesPerson();
        Account customer = register(uniqueEmail("kunde"));
        SharedMail.stop();
        try {
            win(customer, sales, 1990);
            await().atMost(Duration.ofSeconds(20)).until(() -> db.sql(
                    "select count(*) from mail_outbox where recipient = :r and attempts > 0 and status = 'pending'")
                    .param("r", customer.email()).query(Long.class).single() == 1);
        } finally {
            SharedMail.restart();
        }
        MimeMessage arrived = awaitOne(customer.email());
        assertThat(arrived.getSubject()).contains("Ihr Maßanzug");
        Thread.sleep(1500);
        assertThat(SharedMail.receivedBy(customer.email())).hasSize(1);
    }

    @Test
    void theKafkaTopicCarriesValidCloudEventsForTheWholeJourney() throws Exception {
        Account sales = salesPerson();
        Account customer = register(uniqueEmail("kunde"));
        long deal = win(customer, sales, 2800);
        String subject = "deal/" + deal;

        List<JsonNode> events = new ArrayList<>();
        Properties consumer = new Properties();
        consumer.put("bootstrap.servers", SharedKafka.brokers());
        consumer.put("group.id", "test-reader-" + UUID.randomUUID());
        consumer.put("auto.offset.reset", "earliest");
        consumer.put("key.deserializer", StringDeserializer.class.getName());
        consumer.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer)) {
            reader.subscribe(List.of(SharedKafka.TOPIC));
            // KafkaConsumer is single-threaded: poll here, not from an await thread
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !events.stream().map(e -> e.path("type").asText()).toList()
                    .containsAll(List.of("henk.lead.created", "henk.lead.synced", "henk.deal.updated", "henk.deal.won"))) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (subject.equals(event.path("subject").asText())) {
                        assertThat(record.key()).as("partition key = the aggregate").isEqualTo(subject);
                        // CloudEvents Kafka binding, structured mode: the header content-type (Kafka header names are
                        // case-sensitive) names the event format, and no binary-mode ce_ headers contradict it
                        assertThat(record.headers().lastHeader("content-type")).as("content-type header").isNotNull();
                        assertThat(record.headers().lastHeader("Content-Type")).as("one spelling").isNull();
                        assertThat(new String(record.headers().lastHeader("content-type").value(),
                                java.nio.charset.StandardCharsets.UTF_8))
                                .isEqualTo("application/cloudevents+json; charset=UTF-8");
                        assertThat(record.headers()).noneMatch(h -> h.key().startsWith("ce_"));
                        events.add(event);
                    }
                }
            }
        }
        assertThat(events).extracting(e -> e.path("type").asText())
                .contains("henk.lead.created", "henk.lead.synced", "henk.deal.updated", "henk.deal.won");
        for (JsonNode event : events) {
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("id").asText()).hasSize(36);
            assertThat(event.path("source").asText()).isEqualTo("urn:henk-hub");
            assertThat(event.path("subject").asText()).isEqualTo(subject);
            assertThat(event.path("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            java.time.OffsetDateTime.parse(event.path("time").asText()); // RFC 3339
            assertThat(event.path("type").asText()).isNotBlank();
            assertThat(java.net.URI.create(event.path("source").asText())).isNotNull(); // a URI-reference
            assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(event.path("data").path("deal_id").asLong()).isEqualTo(deal);
        }
        // in the order they happened
        List<String> types = events.stream().map(e -> e.path("type").asText()).distinct().toList();
        assertThat(types.indexOf("henk.lead.created")).isLessThan(types.indexOf("henk.deal.won"));
    }

    @Test
    void aHandoffRequestMailsTheTeam() {
        // the event as the chat's handoff raises it (see docs/events.md)
        String session = "handoff-" + UUID.randomUUID();
        events.record("handoff.requested", "session/" + session, de.henk.hub.events.DomainEvents.data(
                "session_id", session, "name", "Lena Hoffmann", "email", "lena@example.com",
                "message", "Kann ich bitte mit einem Menschen sprechen?"));
        await().atMost(Duration.ofSeconds(30)).until(() -> SharedMail.receivedBy(TEAM_EMAIL).stream()
                .anyMatch(m -> subjectOf(m).startsWith("Gesprächswunsch: Lena Hoffmann")));
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private long win(Account customer, Account sales, int value) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", "Max Mustermann");
        lead.put("email", customer.email());
        lead.put("deal_title", "Hochzeits-Anzug Juni 2027");
        lead.put("deal_value", 2500);
        Api.Response created = api.post("/api/crm/lead", lead, customer.accessToken());
        assertThat(created.status()).as(created.toString()).isIn(201, 202);
        long deal = created.json().path("deal").path("id").asLong();
        Api.Response won = api.put("/api/crm/deal/" + deal, Map.of("status", "won", "value", value, "stage_id", 2),
                sales.accessToken());
        assertThat(won.status()).as(won.toString()).isEqualTo(200);
        return deal;
    }

    private static MimeMessage awaitOne(String recipient) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !SharedMail.receivedBy(recipient).isEmpty());
        return SharedMail.receivedBy(recipient).get(0);
    }

    private static List<MimeMessage> teamMails(String subjectStart, String about) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SharedMail.receivedBy(TEAM_EMAIL)) {
            if (message.getSubject().startsWith(subjectStart) && textPart(message).contains(about)) {
                found.add(message);
            }
        }
        return found;
    }

    static String textPart(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    static String htmlPart(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType(type)) {
                    return multipart.getBodyPart(i).getContent().toString();
                }
            }
            return "";
        }
        return message.isMimeType(type) ? content.toString() : "";
    }

    private static Properties producerProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", SharedKafka.brokers());
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        return properties;
    }
}
