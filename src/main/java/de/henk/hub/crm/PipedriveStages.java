package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.config.HenkProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Pipedrive's pipelines and stages, read through the {@code pipedrive-list-pipelines} and {@code pipedrive-list-stages}
 * routes and cached for a few minutes. New deals go to the stage named by {@code henk.pipedrive.initial-stage}
 * (case-insensitive) in the pipeline {@code henk.pipedrive.pipeline} names (its id, or its name, case-insensitive).
 * Stage names repeat across pipelines - every pipeline may have its "Initial Contact" - so a stage is only ever
 * looked for within a pipeline. Without a configured pipeline: the company's default pipeline (Pipedrive's
 * lowest {@code order_nr}), and where that has no such stage the first pipeline in Pipedrive's order that has one,
 * as a hub that looked across all pipelines would have found it.
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

    /** A stage, and the pipeline it belongs to. */
    public record Stage(int id, String name, int orderNr, long pipelineId, String pipelineName) { }

    private record Pipeline(long id, String name, int orderNr) { }

    public int initialStageId() {
        return initialStage().id();
    }

    /**
     * The stage new deals go to.
     *
     * @throws PipedriveStageMissingException when the configured pipeline or the stage in it does not exist, or the
     *                                        pipeline's name is not unique
     */
    public Stage initialStage() {
        Snapshot current = current();
        String wanted = normal(settings.initialStage());
        List<Pipeline> where = pipelinesToLookIn(current);
        for (Pipeline pipeline : where) {
            Stage stage = current.stages().values().stream()
                    .filter(candidate -> candidate.pipelineId() == pipeline.id() && normal(candidate.name()).equals(wanted))
                    .min(Comparator.comparingInt(Stage::orderNr).thenComparingInt(Stage::id))
                    .orElse(null);
            if (stage != null) {
                return stage;
            }
        }
        throw configuredPipeline() == null ? PipedriveStageMissingException.stage(settings.initialStage())
                : PipedriveStageMissingException.stageIn(settings.initialStage(), where.get(0).name());
    }

    /** The configured pipeline alone; without one, all of them, the default first (Pipedrive's order). */
    private List<Pipeline> pipelinesToLookIn(Snapshot current) {
        String configured = configuredPipeline();
        if (configured == null) {
            return current.pipelines();
        }
        if (configured.matches("\\d{1,18}")) {
            long id = Long.parseLong(configured);
            List<Pipeline> byId = current.pipelines().stream().filter(pipeline -> pipeline.id() == id).toList();
            if (!byId.isEmpty()) {
                return byId;
            }
        }
        List<Pipeline> named = current.pipelines().stream()
                .filter(pipeline -> normal(pipeline.name()).equals(normal(configured))).toList();
        if (named.isEmpty()) {
            throw PipedriveStageMissingException.pipeline(configured);
        }
        if (named.size() > 1) {
            throw PipedriveStageMissingException.ambiguousPipeline(configured,
                    named.stream().map(pipeline -> Long.toString(pipeline.id())).collect(Collectors.joining(", ")));
        }
        return named;
    }

    private String configuredPipeline() {
        return settings.pipeline() == null || settings.pipeline().isBlank() ? null : settings.pipeline().strip();
    }

    private static String normal(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /** True when the stage exists — or when we cannot know yet (sync paused, stages never loaded). */
    public boolean isKnownOrUnknowable(int stageId) {
        Snapshot current = snapshot;
        return current == null || current.stages().containsKey(stageId);
    }

    /** Every stage of every pipeline: id to name. */
    public Map<Integer, String> stages() {
        Map<Integer, String> names = new LinkedHashMap<>();
        current().stages().forEach((id, stage) -> names.put(id, stage.name()));
        return names;
    }

    private synchronized Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(TTL).isBefore(clock.instant())) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    public void forget() {
        snapshot = null;
    }

    private Snapshot load() {
        List<Pipeline> pipelines = new ArrayList<>();
        readAll("direct:pipedrive-list-pipelines", "pipelines", pipeline -> {
            if (!pipeline.path("is_deleted").asBoolean(false)) {
                pipelines.add(new Pipeline(pipeline.path("id").asLong(), pipeline.path("name").asText(),
                        pipeline.path("order_nr").asInt()));
            }
        });
        pipelines.sort(Comparator.comparingInt(Pipeline::orderNr).thenComparingLong(Pipeline::id));
        Map<Long, String> pipelineNames = pipelines.stream()
                .collect(Collectors.toMap(Pipeline::id, Pipeline::name, (a, b) -> a));
        Map<Integer, Stage> stages = new LinkedHashMap<>();
        readAll("direct:pipedrive-list-stages", "stages", stage -> {
            long pipelineId = stage.path("pipeline_id").asLong();
            if (!stage.path("is_deleted").asBoolean(false)) {
                stages.put(stage.path("id").asInt(), new Stage(stage.path("id").asInt(), stage.path("name").asText(),
                        stage.path("order_nr").asInt(), pipelineId, pipelineNames.get(pipelineId)));
            }
        });
        return new Snapshot(Map.copyOf(stages), List.copyOf(pipelines), clock.instant());
    }

    /** Every page of a list: the route is called with the cursor of the page (null for the first). */
    private void readAll(String route, String what, Consumer<JsonNode> each) {
        String cursor = null;
        do {
            String body = camel.requestBody(route, cursor, String.class);
            try {
                JsonNode page = json.readTree(body);
                page.path("data").forEach(each);
                JsonNode next = page.path("additional_data").path("next_cursor");
                cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            } catch (IOException e) {
                throw new UncheckedIOException("Pipedrive " + what + " answer is not JSON", e);
            }
        } while (cursor != null);
    }

    private record Snapshot(Map<Integer, Stage> stages, List<Pipeline> pipelines, Instant loadedAt) { }
}
