package de.henk.hub.pages;

import java.util.List;
import org.springframework.security.web.header.Header;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The hub's two web pages, served from {@code classpath:/static} (so the packaged jar serves them from any folder):
 * {@code /} — the customer chat with the embeddable {@code /widget.js} — and {@code /dashboard} for the sales team,
 * plus the API contract {@code /api/openapi.json}. Everything here is public; the data behind it is not.
 */
@Configuration(proxyBeanMethods = false)
public class WebPages implements WebMvcConfigurer {

    /** The static files anyone may load (GET). */
    public static final String[] PUBLIC_FILES = {"/", "/index.html", "/dashboard", "/dashboard.html",
            "/widget.js", "/widget.css", "/site.js", "/site.css", "/dashboard.js", "/dashboard.css",
            "/api/openapi.json"};

    /**
     * The pages' policy: only the hub's own scripts, styles and API (no inline script or style), no plugins, and
     * not framed by other sites. Another site embeds the widget with a script tag, not a frame; its own CSP then
     * has to allow the hub's origin in script-src, style-src and connect-src.
     */
    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    /** JSON answers are never rendered as a document: nothing may load from them, nobody may frame them. */
    public static final String API_POLICY = de.henk.hub.web.SecurityHeaders.JSON_POLICY;

    /**
     * Scripts and style sheets say they are UTF-8. A classic script without a charset is decoded in the encoding of
     * the page that loads it: the widget's umlauts and emoji would turn into mojibake on a shop site in windows-1252.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> scriptsAndStylesInUtf8() {
        return factory -> {
            MimeMappings utf8 = new MimeMappings();
            utf8.add("js", "text/javascript;charset=utf-8");
            utf8.add("css", "text/css;charset=utf-8");
            factory.addMimeMappings(utf8);
        };
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/dashboard").setViewName("forward:/dashboard.html");
    }

    /** Spring Security's header settings: the pages' CSP and the API's. */
    public static Customizer<HeadersConfigurer<org.springframework.security.config.annotation.web.builders.HttpSecurity>>
            headers() {
        // X-Frame-Options says what frame-ancestors says, for browsers that only know the older header: the pages
        // may be framed by the hub itself (SAMEORIGIN, as 'self'), JSON by nobody (DENY, as 'none')
        return headers -> headers
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        WebPages::isApi,
                        new StaticHeadersWriter(List.of(
                                new Header("Content-Security-Policy", API_POLICY),
                                new Header("X-Frame-Options", "DENY")))))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        request -> !isApi(request),
                        new StaticHeadersWriter(List.of(
                                new Header("Content-Security-Policy", PAGE_POLICY),
                                new Header("X-Frame-Options", "SAMEORIGIN")))));
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
