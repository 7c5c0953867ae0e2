package de.henk.hub.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged hub ({@code target/henk-hub.jar}, or {@code -Dhenk.test.jar}) as a child JVM in a folder of its own:
 * started like an operator starts it, killed like a crash kills it ({@code SIGKILL}, no shutdown hooks).
 */
public final class ChildHub {

    private final Process process;
    private final int port;
    private final Path log;

    private ChildHub(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("henk.test.jar", "target/henk-hub.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged hub at " + jar + ": run mvn verify (it packages first)");
        }
        return jar;
    }

    /** Starts the jar with {@code workDir} as working directory and the settings as command-line arguments. */
    public static ChildHub start(Path workDir, Map<String, String> settings) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(workDir);
        Path log = Files.createTempFile(workDir, "hub-", ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildHub(process, port, log);
    }

    public Api api() {
        return new Api("http://localhost:" + port);
    }

    /** Waits until readiness is UP; fails with the end of the hub's log when it exits or takes too long. */
    public ChildHub awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The hub exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("The hub was not ready within " + timeout + ":\n" + tail());
    }

    /** Waits for the process to end by itself (e.g. a start that must fail) and returns its exit code. */
    public int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("The hub did not stop by itself:\n" + tail());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, no flush — what a crash or the OOM killer does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
