package de.henk.hub.config;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * {@code henk.pipedrive.base-url} is the root the hub puts its API paths under ({@code /api/v2/deals},
 * {@code /v1/notes}, {@code /v1/webhooks}): {@code https://api.pipedrive.com}, the company's
 * {@code https://yourcompany.pipedrive.com}, or a stand-in's {@code http://host:port} (with a path prefix of its own
 * if it has one). Pipedrive's documentation gives the base URL with its version ({@code https://api.pipedrive.com/api/v2},
 * {@code https://yourcompany.pipedrive.com/v1}), and an operator who copies that would make every call
 * {@code /api/v2/api/v2/deals}: the version at its end, and trailing slashes, are taken off, with a warning.
 * Answered when asked, from whichever property source sets it (environment, command line, a test's own), as
 * {@link LegacyMillisecondKeys} does; the route's endpoint takes the root as {@code henk.pipedrive.api-root}
 * ({@link #ROOT_KEY}).
 */
public class PipedriveBaseUrl implements EnvironmentPostProcessor {

    static final String KEY = "henk.pipedrive.base-url";
    /**
     * What the route's HTTP endpoint uses: the root made of {@link #KEY}. A key of its own because Camel reads an
     * environment variable named after a placeholder ({@code HENK_PIPEDRIVE_BASE_URL}) before asking Spring, so a
     * placeholder of {@code henk.pipedrive.base-url} would get the URL as it was set, version and all.
     */
    static final String ROOT_KEY = "henk.pipedrive.api-root";

    /** A trailing API version: /api/v2, /api/v1, /v1, /v2 or a bare /api, with any trailing slashes. */
    private static final Pattern VERSION_AT_END = Pattern.compile("^(.*?)(/api(/v\\d+)?|/v\\d+)?/*$",
            Pattern.CASE_INSENSITIVE);

    private static final Logger log = LoggerFactory.getLogger(PipedriveBaseUrl.class);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new Root(environment));
    }

    /** The root of {@code url}: without a trailing API version or slash. */
    static String root(String url) {
        if (url == null) {
            return null;
        }
        String stripped = url.strip();
        Matcher matcher = VERSION_AT_END.matcher(stripped);
        if (!matcher.matches()) {
            return stripped;
        }
        String root = matcher.group(1);
        // "http://host" must keep its host: only a path below the authority is cut
        return root.matches("(?i)[a-z][a-z0-9+.-]*://[^/]+.*") ? root : stripped;
    }

    static final class Root extends PropertySource<Map<String, String>> {

        private final ConfigurableEnvironment environment;
        private final Set<String> warned = ConcurrentHashMap.newKeySet();

        Root(ConfigurableEnvironment environment) {
            super("henkPipedriveBaseUrl", Map.of());
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            if (!KEY.equals(name) && !ROOT_KEY.equals(name)) {
                return null;
            }
            Object configured = configured();
            if (configured == null) {
                return null;
            }
            String url = environment.resolvePlaceholders(String.valueOf(configured));
            String root = root(url);
            if (!root.equals(url.strip().replaceAll("/+$", "")) && warned.add(url)) {
                log.warn("{}={} names an API version; the hub adds /api/v2 or /v1 to each call itself, so it uses {}",
                        KEY, url, root);
            }
            return root;
        }

        /** The value the first other property source gives the key (relaxed: HENK_PIPEDRIVE_BASE_URL too). */
        private Object configured() {
            ConfigurationPropertyName wanted = ConfigurationPropertyName.of(KEY);
            for (ConfigurationPropertySource adapted : OtherPropertySources.of(environment, this)) {
                ConfigurationProperty found = adapted.getConfigurationProperty(wanted);
                if (found != null) {
                    return found.getValue();
                }
            }
            return null;
        }
    }
}
