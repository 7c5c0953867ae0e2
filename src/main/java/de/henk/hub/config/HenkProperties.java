package de.henk.hub.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code henk.*} settings, with their defaults in application.yml — except {@code henk.chat.*} and
 * {@code henk.llm.*}, which the chat binds itself ({@code ChatSettings}, {@code LlmSettings}): one class per prefix.
 * Durations are {@link Duration}s written with a unit ({@code 2s}, {@code 500ms}, {@code 10m}); the older
 * {@code *-ms} keys still work ({@link LegacyMillisecondKeys}).
 */
@ConfigurationProperties(prefix = "henk")
public record HenkProperties(
        Path dataDir,
        Http http,
        Cors cors,
        Jwt jwt,
        Auth auth,
        Admin admin,
        Pipedrive pipedrive,
        Crm crm,
        Events events,
        Mail mail,
        Shop shop,
        Appointments appointments,
        Security security) {

    public record Appointments(java.time.ZoneId zone, java.util.Map<java.time.DayOfWeek, String> openingHours,
                               String holidays, int slotMinutes, java.util.Map<String, Integer> durations,
                               Duration cancellationNotice, Limits limits, java.time.Period bookingHorizon) {
        public Appointments {
            limits = limits == null ? new Limits(1, 3) : limits;
            bookingHorizon = bookingHorizon == null ? java.time.Period.ofYears(2) : bookingHorizon;
            if (bookingHorizon.isNegative() || bookingHorizon.isZero()) {
                throw new IllegalArgumentException("henk.appointments.booking-horizon must be positive");
            }
        }

        /** What one customer may book for themselves (the sales team is not limited). */
        public record Limits(int maxPerTypePerDay, int maxUpcomingPerCustomer) {
            public Limits {
                if (maxPerTypePerDay < 1 || maxUpcomingPerCustomer < 1) {
                    throw new IllegalArgumentException("henk.appointments.limits must be at least 1");
                }
            }
        }
    }

    /** {@code pollInterval}: how often the event outbox is published (the events route's timer). */
    public record Events(String uri, String consumerUri, Duration pollInterval, int batchSize) { }

    /** {@code observations}: Spring Security's own observations (its {@code spring.security.*} metrics). */
    public record Security(boolean observations) { }

    public record Mail(String host, int port, String username, String password, boolean starttls, String from,
                       String team, String teamLanguage, Duration pollInterval, int maxAttempts) {
        public boolean smtp() {
            return host != null && !host.isBlank();
        }
    }

    public record Shop(String name, String address, String phone, String website) { }

    /**
     * {@code bodyReadTimeout}: how long a request body may take to arrive, and how long it may stall (the thread
     * reading it is a servlet thread; a client that sends headers and then nothing held one for minutes).
     */
    public record Http(int workerThreads, long maxBodyBytes, Duration bodyReadTimeout) {
        public Http {
            bodyReadTimeout = bodyReadTimeout == null || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()
                    ? Duration.ofSeconds(15) : bodyReadTimeout;
        }
    }

    public record Cors(List<String> allowedOrigins) { }

    public record Jwt(String secret, String issuer, Duration accessTokenTtl, Duration refreshTokenTtl) { }

    public record Auth(LoginThrottle loginThrottle, Registration registration) {
        /** Failures per account-and-address pair and per address; locks start at {@code lockout} and double. */
        public record LoginThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window,
                                    Duration lockout, Duration maxLockout) { }

        /** Registration attempts one client address may make per {@code window}. */
        public record Registration(int maxPerAddress, Duration window) { }
    }

    public record Admin(String email, String password) { }

    /**
     * {@code connectTimeout} and {@code timeout} (per call) are the HTTP client's ({@code PipedriveHttpTimeouts}).
     * {@code lookupMaxPages}: how many pages one lookup (a person by email or phone, the deal an earlier attempt
     * created) reads at most, following Pipedrive's cursors ({@code PipedriveLookups}). {@code pipeline}: the id or
     * name of the pipeline whose {@code initialStage} new deals go to; empty: the company's default pipeline
     * ({@code PipedriveStages}).
     */
    public record Pipedrive(String apiToken, String baseUrl, String initialStage, String appUrl, Duration connectTimeout,
                            Duration timeout, Limits limits, Webhook webhook, Reconciliation reconciliation,
                            @org.springframework.boot.context.properties.bind.DefaultValue("10") int lookupMaxPages,
                            String pipeline) {
        public Pipedrive {
            if (lookupMaxPages < 1) {
                throw new IllegalArgumentException("henk.pipedrive.lookup-max-pages must be at least 1, not "
                        + lookupMaxPages);
            }
        }

        public boolean configured() {
            return apiToken != null && !apiToken.isBlank();
        }

        /** {@code pollInterval}: how often stored webhook events are applied (the webhook route's timer). */
        public record Webhook(String username, String password, String publicUrl, Duration pollInterval) {
            public boolean enabled() {
                return username != null && !username.isBlank() && password != null && !password.isBlank();
            }
        }

        /** {@code initialDelay}: the first run after start; then every {@code interval}. */
        public record Reconciliation(Duration interval, Duration initialLookback, Duration initialDelay) { }

        /**
         * Client-side budget (stay under Pipedrive's burst limit) and circuit breaker. {@code shared}: the budget and
         * Pipedrive's pauses are shared by all instances through the database (Pipedrive counts per API token).
         */
        public record Limits(int requestsPerWindow, Duration window, Duration maxWaitForPermit,
                             @org.springframework.boot.context.properties.bind.DefaultValue("true") boolean shared) { }
    }

    /** {@code phoneCountryCode}: the country a phone number without one is from (49: "0170 …" is "+49 170 …"). */
    public record Crm(Outbox outbox, boolean inlineSync, String phoneCountryCode, Leads leads) {
        public Crm {
            leads = leads == null ? new Leads(10, 3) : leads;
            phoneCountryCode = phoneCountryCode == null || phoneCountryCode.isBlank() ? "49"
                    : phoneCountryCode.strip().replaceFirst("^\\+", "");
            if (!phoneCountryCode.matches("[1-9]\\d{0,2}")) {
                throw new IllegalArgumentException("henk.crm.phone-country-code must be a country calling code such"
                        + " as 49, not " + phoneCountryCode);
            }
        }
        /** Per customer and rolling day: lead requests (new or joining their open deal), and deals opened. */
        public record Leads(int maxRequestsPerDay, int maxNewDealsPerDay) {
            public Leads {
                if (maxRequestsPerDay < 1 || maxNewDealsPerDay < 1) {
                    throw new IllegalArgumentException("henk.crm.leads limits must be at least 1");
                }
            }
        }

        public record Outbox(Duration pollInterval, int batchSize, int maxAttempts, Duration baseBackoff,
                             Duration maxBackoff, Duration claimTtl, Duration inlineGrace) { }
    }
}
