package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.config.HenkProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Pipedrive's stages, read through the {@code pipedrive-list-stages} route and cached for a few minutes.
 * New deals go to the stage named by {@code henk.pipedrive.initial-stage}, resolved by name (case-insensitive).
 */
@Component("pipedriveStages")
public class PipedriveStages {

    private static final Duration TTL = Duration.ofMinutes(10);

    private final ProducerTemplate camel;
    private final ObjectMapper json;
    private final HenkProperties.Pipedrive settings;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public PipedriveStages(ProducerTemplate camel, ObjectMapper json, HenkProperties properties, Clock clock) {
        this.camel = camel;
        this.json = json;
        this.settings = properties.pipedrive();
        this.clock = clock;
    }

    public int initialStageId() {
        String wanted = settings.initialStage().strip().toLowerCase(Locale.ROOT);
        return stages().entrySet().stream()
                .filter(stage -> stage.getValue().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new PipedriveStageMissingException(settings.initialStage()));
    }

    /** True when the stage exists — or when we cannot know yet (sync paused, stages never loaded). */
    public boolean isKnownOrUnknowable(int stageId) {
        Snapshot current = snapshot;
        return current == null || current.stages().containsKey(stageId);
    }

    public synchronized Map<Integer, String> stages() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(TTL).isBefore(clock.instant())) {
            current = new Snapshot(load(), clock.instant());
            snapshot = current;
        }
        return current.stages();
    }

    public void forget() {
        snapshot = null;
    }

    private Map<Integer, String> load() {
        Map<Integer, String> stages = new LinkedHashMap<>();
        String cursor = null;
        do {
            String body = camel.requestBody("direct:pipedrive-list-stages", cursor, String.class);
            try {
                JsonNode page = json.readTree(body);
                for (JsonNode stage : page.path("data")) {
                    if (!stage.path("is_deleted").asBoolean(false)) {
                        stages.put(stage.path("id").asInt(), stage.path("name").asText());
                    }
                }
                JsonNode next = page.path("additional_data").path("next_cursor");
                cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            } catch (IOException e) {
                throw new UncheckedIOException("Pipedrive stages answer is not JSON", e);
            }
        } while (cursor != null);
        return Map.copyOf(stages);
    }

    private record Snapshot(Map<Integer, String> stages, Instant loadedAt) { }
}
