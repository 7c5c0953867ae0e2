package de.henk.hub.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where Camel loads the route files from. The jar carries its routes ({@code classpath:routes/}); a {@code routes/}
 * folder in the working directory (or {@code henk.routes.dir}) wins, so integration engineers edit and reload the
 * files beside the project. The folder is resolved to its real path first: Camel does not walk into a symlinked
 * folder and would silently load nothing. An explicit {@code camel.main.routes-include-pattern} is left alone.
 * The kamelets the routes call ({@code *.kamelet.yaml}, e.g. {@code pipedrive-action}) are looked up in the same
 * folder first, then in the jar ({@link #KAMELETS}, read by {@link KameletLocation}).
 */
public class RouteLocation implements EnvironmentPostProcessor {

    static final String PATTERN = "camel.main.routes-include-pattern";
    static final String RELOAD_DIR = "camel.main.routes-reload-directory";
    static final String DIR = "henk.routes.dir";
    static final String CLASSPATH_ROUTES = "classpath:routes/*.camel.yaml";
    /** Where the kamelet component looks for {@code <name>.kamelet.yaml}: comma-separated, first match wins. */
    static final String KAMELETS = "henk.routes.kamelet-location";
    static final String CLASSPATH_KAMELETS = "classpath:routes";
    private static final String GLOB = "*.camel.yaml";

    private final Log log;

    public RouteLocation(DeferredLogFactory logs) {
        this.log = logs.getLog(RouteLocation.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> chosen = new HashMap<>();
        if (environment.containsProperty(PATTERN)) {
            log.info("Camel routes from " + environment.getProperty(PATTERN) + " (" + PATTERN + ")");
            chosen.put(KAMELETS, CLASSPATH_KAMELETS);
            environment.getPropertySources().addLast(new MapPropertySource("henkRouteLocation", chosen));
            return;
        }
        String configured = environment.getProperty(DIR);
        Path folder = Path.of(configured == null || configured.isBlank() ? "routes" : configured).toAbsolutePath();
        if (hasRouteFiles(folder)) {
            Path real = realPath(folder);
            chosen.put(PATTERN, "file:" + real + "/" + GLOB);
            chosen.put(RELOAD_DIR, real.toString());
            chosen.put(KAMELETS, "file:" + real + "," + CLASSPATH_KAMELETS);
            log.info("Camel routes from the folder " + real);
        } else if (configured != null && !configured.isBlank()) {
            throw new IllegalStateException(DIR + "=" + configured + " holds no " + GLOB + " files ("
                    + folder + "); unset it to use the routes inside the jar");
        } else {
            chosen.put(PATTERN, CLASSPATH_ROUTES);
            chosen.put(KAMELETS, CLASSPATH_KAMELETS);
            log.info("Camel routes from the jar (" + CLASSPATH_ROUTES + "); no routes/ folder in " + folder.getParent());
        }
        environment.getPropertySources().addLast(new MapPropertySource("henkRouteLocation", chosen));
    }

    static boolean hasRouteFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, GLOB)) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the routes folder " + folder, e);
        }
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve the routes folder " + folder, e);
        }
    }
}
