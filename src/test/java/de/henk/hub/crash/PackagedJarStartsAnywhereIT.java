package de.henk.hub.crash;

import de.henk.hub.support.Api;
import de.henk.hub.support.ChildHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar carries its defaults and routes: it runs from any folder, and refuses to run without routes. */
class PackagedJarStartsAnywhereIT {

    @Test
    void startedFromAnEmptyFolderItAnswersAChatTurn() throws Exception {
        Path empty = Files.createTempDirectory("henk-empty");
        ChildHub hub = ChildHub.start(empty, Map.of("henk.data-dir", empty.resolve("data").toString()));
        try {
            hub.awaitReady(Duration.ofSeconds(180));
            Api.Response turn = hub.api().post("/api/chat", Map.of("message", "Ich suche einen Anzug für eine Hochzeit"),
                    null);
            assertThat(turn.status()).as(turn.toString()).isEqualTo(200);
            assertThat(turn.text("reply")).isNotBlank();
            assertThat(hub.logText()).contains("Camel routes from the jar");
        } finally {
            hub.kill();
        }
    }

    @Test
    void aSymlinkedRoutesFolderIsLoaded() throws Exception {
        Path folder = Files.createTempDirectory("henk-symlink");
        Files.createSymbolicLink(folder.resolve("routes"), Path.of("routes").toAbsolutePath());
        ChildHub hub = ChildHub.start(folder, Map.of("henk.data-dir", folder.resolve("data").toString()));
        try {
            hub.awaitReady(Duration.ofSeconds(180));
            assertThat(hub.api().post("/api/chat", Map.of("message", "Hallo"), null).status()).isEqualTo(200);
            assertThat(hub.logText()).contains("Camel routes from the folder " + Path.of("routes").toRealPath());
        } finally {
            hub.kill();
        }
    }

    @Test
    void withoutRoutesItRefusesToStartAndSaysWhere() throws Exception {
        Path folder = Files.createTempDirectory("henk-no-routes");
        Files.createDirectories(folder.resolve("nothing-here"));
        ChildHub hub = ChildHub.start(folder, Map.of("henk.data-dir", folder.resolve("data").toString(),
                "camel.main.routes-include-pattern", "file:" + folder.resolve("nothing-here") + "/*.camel.yaml"));
        assertThat(hub.awaitExit(Duration.ofSeconds(180))).isNotZero();
        assertThat(hub.logText()).contains("No Camel routes were loaded from file:" + folder.resolve("nothing-here"));
    }
}
