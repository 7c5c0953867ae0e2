package de.henk.hub.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.support.PipedriveSimulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Stage names repeat across pipelines: the initial stage is looked for within the pipeline henk.pipedrive.pipeline
 * names (id or name), or - without one - within the company's default pipeline first. Against the simulator, in pages
 * of one, so every list is read to its end; the routes pipedrive-list-pipelines and -stages are stood in for by
 * plain GETs of one page each.
 */
class StagesAreFoundWithinTheirPipelineTest {

    private static final PipedriveSimulator PIPEDRIVE = PipedriveSimulator.start("stages-token");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String STAGE = "Initial Contact";

    @AfterAll
    static void stop() {
        PIPEDRIVE.close();
    }

    @BeforeEach
    void fresh() {
        PIPEDRIVE.reset();
        PIPEDRIVE.pageSizeAtMost(1);
    }

    @Test
    void withoutAConfiguredPipelineTheDefaultPipelinesStageWins() {
        long weddings = PIPEDRIVE.addPipeline("Hochzeiten", 0, "Erstgespräch", STAGE);
        PipedriveStages.Stage stage = stages("").initialStage();
        assertThat(stage.pipelineId()).isEqualTo(weddings);
        assertThat(stage.id()).isEqualTo(stageId(weddings, STAGE));
        assertThat(stage.pipelineName()).isEqualTo("Hochzeiten");
    }

    @Test
    void withoutAConfiguredPipelineTheSeededDefaultKeepsItsStageWhateverOtherPipelinesHave() {
        PIPEDRIVE.addPipeline("Änderungen", 2, STAGE, "Anprobe");
        assertThat(stages("").initialStageId()).isEqualTo(1);
    }

    @Test
    void withoutAConfiguredPipelineADefaultWithoutTheStageLeavesItToTheNextPipelineThatHasIt() {
        PIPEDRIVE.addPipeline("Hochzeiten", 0, "Erstgespräch");
        PIPEDRIVE.addPipeline("Änderungen", 5, STAGE);
        PipedriveStages.Stage stage = stages("").initialStage();
        assertThat(stage.pipelineId()).isEqualTo(PipedriveSimulator.PIPELINE_ID);
        assertThat(stage.id()).isEqualTo(1);
        PIPEDRIVE.removeStage(STAGE); // from every pipeline that has it
        assertThatThrownBy(() -> stages("").initialStage()).isInstanceOf(PipedriveStageMissingException.class)
                .hasMessageContaining(STAGE);
    }

    @Test
    void aConfiguredPipelineIsTheOnlyOneLookedInByNameOrId() {
        long alterations = PIPEDRIVE.addPipeline("Änderungen", 2, "Anprobe", STAGE);
        int stageId = stageId(alterations, STAGE);
        assertThat(stages("änderungen").initialStageId()).isEqualTo(stageId);
        assertThat(stages(" Änderungen ").initialStageId()).isEqualTo(stageId);
        assertThat(stages(Long.toString(alterations)).initialStageId()).isEqualTo(stageId);
        assertThat(stages("Pipeline").initialStageId()).isEqualTo(1);
        assertThat(stages(Long.toString(PipedriveSimulator.PIPELINE_ID)).initialStageId()).isEqualTo(1);
    }

    @Test
    void aConfiguredPipelineWithoutTheStageIsAConfigurationErrorNotAnotherPipelinesStage() {
        PIPEDRIVE.addPipeline("Änderungen", 2, "Anprobe");
        assertThatThrownBy(() -> stages("Änderungen").initialStage())
                .isInstanceOf(PipedriveStageMissingException.class)
                .hasMessageContaining(STAGE).hasMessageContaining("Änderungen");
        assertThatThrownBy(() -> stages("Maßkonfektion").initialStage())
                .isInstanceOf(PipedriveStageMissingException.class)
                .hasMessageContaining("Maßkonfektion").hasMessageContaining("henk.pipedrive.pipeline");
        assertThatThrownBy(() -> stages("999999").initialStage())
                .isInstanceOf(PipedriveStageMissingException.class).hasMessageContaining("999999");
    }

    @Test
    void aNameSeveralPipelinesShareMustBeGivenAsAnId() {
        long first = PIPEDRIVE.addPipeline("Verkauf", 2, STAGE);
        long second = PIPEDRIVE.addPipeline("Verkauf", 3, STAGE);
        assertThatThrownBy(() -> stages("Verkauf").initialStage())
                .isInstanceOf(PipedriveStageMissingException.class)
                .hasMessageContaining(first + ", " + second);
        assertThat(stages(Long.toString(second)).initialStageId()).isEqualTo(stageId(second, STAGE));
    }

    private static int stageId(long pipelineId, String name) {
        return PIPEDRIVE.stages().stream()
                .filter(s -> s.path("pipeline_id").asLong() == pipelineId && s.path("name").asText().equals(name))
                .findFirst().orElseThrow().path("id").asInt();
    }

    /** PipedriveStages with application.yml's settings, henk.pipedrive.pipeline set to this, reading the simulator. */
    private static PipedriveStages stages(String pipeline) {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("src/main/resources/application.yml"));
        environment.getPropertySources().addFirst(new PropertiesPropertySource("application.yml", yaml.getObject()));
        environment.getPropertySources().addFirst(new MapPropertySource("this test",
                Map.of("henk.pipedrive.pipeline", pipeline)));
        HenkProperties properties = Binder.get(environment).bind("henk", HenkProperties.class).get();

        ProducerTemplate camel = mock(ProducerTemplate.class);
        when(camel.requestBody(anyString(), any(), eq(String.class))).thenAnswer(call -> {
            String path = switch (call.<String>getArgument(0)) {
                case "direct:pipedrive-list-pipelines" -> "/api/v2/pipelines";
                case "direct:pipedrive-list-stages" -> "/api/v2/stages";
                default -> throw new AssertionError("no such route: " + call.getArgument(0));
            };
            String cursor = call.getArgument(1);
            return get(path + "?limit=500" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
        });
        return new PipedriveStages(camel, new ObjectMapper(), properties, Clock.systemUTC());
    }

    private static String get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(PIPEDRIVE.baseUrl() + pathAndQuery))
                .header("x-api-token", PIPEDRIVE.apiToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
