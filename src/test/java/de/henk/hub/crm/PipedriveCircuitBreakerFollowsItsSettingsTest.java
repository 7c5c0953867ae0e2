package de.henk.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import de.henk.hub.config.CircuitBreakers;
import de.henk.hub.config.HenkProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ProcessorFactory;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The circuit breaker around every Pipedrive call is the {@code circuitBreaker} step of pipedrive-call in
 * routes/pipedrive.camel.yaml, and its numbers are the henk.pipedrive.circuit-breaker.* settings: with the shipped
 * ones it opens after five failed calls, with {@code minimum-number-of-calls: 2} after two. The route file and
 * application.yml run as they are (camel-resilience4j, the guard); Pipedrive's HTTP endpoint is a stand-in that answers
 * the statuses it is told.
 */
class PipedriveCircuitBreakerFollowsItsSettingsTest {

    private CamelContext camel;
    private PipedriveGuard guard;
    private final Deque<Object> answers = new ArrayDeque<>();
    private final AtomicInteger pipedriveCalls = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    void theShippedSettingsOpenTheCircuitAfterFiveFailedCalls() throws Exception {
        start(Map.of());
        for (int i = 0; i < 4; i++) {
            assertThat(status(call(503))).isEqualTo(503);
        }
        assertThat(guard.state()).isEqualTo("closed");
        assertThat(status(call(503))).as("the fifth failure still reaches the caller as it was").isEqualTo(503);
        assertThat(guard.state()).as("five of the last ten failed").isEqualTo("open");

        Exchange held = call(200);
        assertThat(failure(held)).isInstanceOf(PipedriveDeferredException.class);
        assertThat(pipedriveCalls).as("no call while the circuit is open").hasValue(5);
    }

    @Test
    void aHubWithAMinimumOfTwoCallsOpensAfterTwoFailures() throws Exception {
        start(Map.of("henk.pipedrive.circuit-breaker.minimum-number-of-calls", "2"));
        assertThat(status(call(503))).isEqualTo(503);
        assertThat(guard.state()).isEqualTo("closed");
        assertThat(failure(call(new SocketTimeoutException("Read timed out")))).isInstanceOf(SocketTimeoutException.class);
        assertThat(guard.state()).isEqualTo("open");
        assertThat(failure(call(200))).isInstanceOf(PipedriveDeferredException.class);
        assertThat(pipedriveCalls).hasValue(2);
    }

    @Test
    void theRateAndTheWindowAreSettingsToo() throws Exception {
        start(Map.of("henk.pipedrive.circuit-breaker.sliding-window-size", "4",
                "henk.pipedrive.circuit-breaker.minimum-number-of-calls", "4",
                "henk.pipedrive.circuit-breaker.failure-rate-threshold", "75"));
        call(200);
        call(503);
        call(503);
        call(200);
        assertThat(guard.state()).as("two of four failed: 50 %, under 75 %").isEqualTo("closed");
        call(503);
        call(503);
        assertThat(guard.state()).as("three of the last four failed: 75 %").isEqualTo("open");
    }

    @Test
    void pipedrivesOtherAnswersAreNoFailuresAndReachTheCallerAsThey() throws Exception {
        start(Map.of("henk.pipedrive.circuit-breaker.minimum-number-of-calls", "2"));
        for (int status : new int[] {404, 422, 429, 400, 409}) {
            Exchange refused = call(status);
            assertThat(failure(refused)).isInstanceOf(HttpOperationFailedException.class);
            assertThat(status(refused)).isEqualTo(status);
        }
        assertThat(guard.state()).as("Pipedrive answered every time: it is up").isEqualTo("closed");
        Exchange answered = call(200);
        assertThat(answered.getException()).isNull();
        assertThat(answered.getMessage().getBody(String.class)).isEqualTo("{\"success\":true}");
    }

    @Test
    void theCircuitTriesAgainAfterOpenFor() throws Exception {
        start(Map.of("henk.pipedrive.circuit-breaker.minimum-number-of-calls", "2",
                "henk.pipedrive.limits.circuit-open-for", "1s"));
        call(503);
        call(503);
        assertThat(guard.state()).isEqualTo("open");
        Thread.sleep(1500);
        assertThat(guard.state()).as("henk.pipedrive.limits.circuit-open-for, the earlier name, still sets it")
                .isEqualTo("half_open");
        assertThat(call(200).getException()).isNull();
        assertThat(call(200).getException()).isNull();
        assertThat(guard.state()).as("two trial calls went through").isEqualTo("closed");
    }

    private Exchange call(Object answer) {
        answers.add(answer);
        return camel.createProducerTemplate().send("direct:pipedrive-call", exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
            exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/api/v2/deals/1");
        });
    }

    private static Throwable failure(Exchange exchange) {
        return exchange.getException();
    }

    private static Integer status(Exchange exchange) {
        return exchange.getException() instanceof HttpOperationFailedException http ? http.getStatusCode() : null;
    }

    /** pipedrive-call as routes/pipedrive.camel.yaml has it, with application.yml's settings and these on top. */
    @SuppressWarnings("unchecked")
    private void start(Map<String, Object> settings) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("src/main/resources/application.yml"));
        environment.getPropertySources().addFirst(new PropertiesPropertySource("application.yml", yaml.getObject()));
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "henk.pipedrive.base-url", "direct:pipedrive-stand-in", "henk.pipedrive.limits.shared", "false")));
        environment.getPropertySources().addFirst(new MapPropertySource("this test", settings));

        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        HenkProperties properties = Binder.get(environment).bind("henk", HenkProperties.class).get();
        guard = new PipedriveGuard(properties, Clock.systemUTC(), null, null, breakers);

        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().addPropertiesSource(new PropertiesSource() {
            @Override
            public String getName() {
                return "spring-environment";
            }

            @Override
            public String getProperty(String name) {
                return environment.getProperty(name);
            }
        });
        camel.getCamelContextExtension().addContextPlugin(ProcessorFactory.class,
                new CircuitBreakers().circuitBreakerProcessors());
        camel.getRegistry().bind("circuitBreakerRegistry", breakers);
        camel.getRegistry().bind("pipedriveGuard", guard);
        camel.getRegistry().bind("pipedriveFailures", new PipedriveFailures());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pipedrive-stand-in").routeId("pipedrive-stand-in").errorHandler(noErrorHandler())
                        .process(exchange -> {
                            pipedriveCalls.incrementAndGet();
                            Object answer = answers.removeFirst();
                            if (answer instanceof Exception failure) {
                                throw failure;
                            }
                            int status = (Integer) answer;
                            if (status >= 300) {
                                throw new HttpOperationFailedException("http://pipedrive/api/v2/deals/1", status,
                                        "status " + status, null, Map.of(), "{\"success\":false}");
                            }
                            exchange.getMessage().setBody("{\"success\":true}");
                        });
            }
        });
        // the breaker's settings and the route, as the file has them; the error handling the route refers to
        List<Object> wanted = new ArrayList<>();
        for (Object element : (List<Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("routes/pipedrive.camel.yaml")))) {
            Map<String, Object> node = (Map<String, Object>) element;
            if (node.containsKey("beans") || node.containsKey("route")
                    && "pipedrive-call".equals(((Map<String, Object>) node.get("route")).get("id"))) {
                wanted.add(element);
            }
        }
        for (Object element : (List<Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("routes/api.camel.yaml")))) {
            Map<String, Object> node = (Map<String, Object>) element;
            if (node.containsKey("routeConfiguration") && "caller-handles-errors".equals(
                    ((Map<String, Object>) node.get("routeConfiguration")).get("id"))) {
                wanted.add(element);
            }
        }
        assertThat(wanted).hasSize(3);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("pipedrive-call.camel.yaml",
                new Dump(DumpSettings.builder().build()).dumpToString(wanted)));
        camel.start();
    }
}
