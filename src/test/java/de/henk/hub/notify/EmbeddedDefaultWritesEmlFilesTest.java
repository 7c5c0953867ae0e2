package de.henk.hub.notify;

import de.henk.hub.support.Api;
import de.henk.hub.support.SecondHub;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default — events in-JVM (seda), no SMTP host, no Pipedrive token — still notifies: the same mails
 * land as readable .eml files under the data directory.
 */
class EmbeddedDefaultWritesEmlFilesTest {

    @Test
    void wonDealMailsAreWrittenAsEmlFiles() throws Exception {
        Path dataDir = Files.createTempDirectory("henk-embedded");
        try (SecondHub hub = SecondHub.start(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:henk-embedded;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa",
                "henk.data-dir", dataDir.toString(),
                "henk.events.uri", "seda:henk-events",
                "henk.events.consumer-uri", "seda:henk-events",
                "henk.mail.host", "",
                "henk.pipedrive.api-token", "",
                "henk.admin.email", "admin@embedded.test",
                "henk.admin.password", "Embedded-Admin-2026!"))) {
            Api api = hub.api();
            String admin = api.post("/api/auth/login", Map.of("email", "admin@embedded.test",
                    "password", "Embedded-Admin-2026!"), null).text("access_token");
            Api.Response customer = api.post("/api/auth/register", Map.of("email", "eml-kunde@example.com",
                    "username", "Jana Vogel", "password", "SecurePass123!"), null);
            Api.Response lead = api.post("/api/crm/lead", Map.of("name", "Jana Vogel", "email", "eml-kunde@example.com",
                    "deal_title", "Taufe-Anzug", "deal_value", 1750), customer.text("access_token"));
            assertThat(lead.status()).isEqualTo(202); // sync paused without a token — and the mail still goes out
            Api.Response won = api.put("/api/crm/deal/" + lead.json().path("deal").path("id").asLong(),
                    Map.of("status", "won"), admin);
            assertThat(won.status()).isEqualTo(200);

            Path mailDir = dataDir.resolve("mail");
            await().atMost(Duration.ofSeconds(20)).until(() -> emls(mailDir).size() >= 3);
            List<MimeMessage> mails = emls(mailDir).stream().map(EmbeddedDefaultWritesEmlFilesTest::parse).toList();
            assertThat(mails).anySatisfy(m -> {
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo("eml-kunde@example.com");
                assertThat(m.getSubject()).contains("Ihr Maßanzug");
                assertThat(EventsAndNotificationsTest.textPart(m)).contains("Jana Vogel", "Taufe-Anzug", "1.750 €");
                assertThat(EventsAndNotificationsTest.htmlPart(m)).contains("<ol>");
            });
            assertThat(mails).filteredOn(m -> subject(m).startsWith("Neuer Lead")).hasSize(1);
            assertThat(mails).filteredOn(m -> subject(m).startsWith("Gewonnen")).hasSize(1);
        }
    }

    private static List<Path> emls(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static MimeMessage parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
