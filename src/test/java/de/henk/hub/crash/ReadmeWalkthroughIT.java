package de.henk.hub.crash;

import de.henk.hub.support.ChildHub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough, exactly as a newcomer pastes it: the block between the walkthrough markers runs in bash
 * against the packaged hub started as the README says (bootstrap admin, fresh data folder), every step must succeed.
 */
class ReadmeWalkthroughIT {

    @Test
    void theWalkthroughRunsTopToBottomWhenPasted() throws Exception {
        boolean tools = onPath("curl") && onPath("jq");
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(tools, "curl and jq are needed to run the README walkthrough");
        }
        assertThat(tools).as("curl and jq (.ci/run installs them)").isTrue();
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```bash\n", readme.indexOf("<!-- walkthrough:start")) + "```bash\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertThat(readme).contains("HENK_ADMIN_EMAIL=admin@example.com HENK_ADMIN_PASSWORD='Choose-A-Long-One-1'");

        Path folder = Files.createTempDirectory("henk-readme");
        ChildHub hub = ChildHub.start(folder, Map.of("henk.data-dir", folder.resolve("data").toString(),
                "henk.admin.email", "admin@example.com", "henk.admin.password", "Choose-A-Long-One-1"));
        try {
            hub.awaitReady(Duration.ofSeconds(180));
            Path script = folder.resolve("walkthrough.sh");
            Files.writeString(script, block);
            Path output = folder.resolve("walkthrough.out");
            ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            bash.environment().put("B", hub.api().baseUrl());
            Process run = bash.start();
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(printed).isZero();
            assertThat(printed).contains("\"BETA\"").contains("\"status\":\"won\"").contains("\"value\":2800");
        } finally {
            hub.kill();
        }
    }

    private static boolean onPath(String command) throws Exception {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }
}
