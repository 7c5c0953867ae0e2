package de.henk.hub.auth;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.pages.WebPages;
import de.henk.hub.web.AcceptNegotiationFilter;
import de.henk.hub.web.ApiException;
import de.henk.hub.web.ProblemResponses;
import de.henk.hub.web.RequestBodyLimitFilter;
import de.henk.hub.web.RequestFormatFilter;
import de.henk.hub.web.ProblemCorsProcessor;
import de.henk.hub.web.RequestIdFilter;
import de.henk.hub.web.UnknownAddressFilter;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.DispatcherType;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Bearer-token security for the API. The rules per path here are the gate; behind it every REST route names its
 * access level once (routes/api.camel.yaml: {@code access-anyone}, {@code -customer}, {@code -beta},
 * {@code -admin}), which checks the caller's role again, and object-level access happens in the beans. A path
 * missing here falls to {@code /api/**}: signed in, with the route's level deciding the role.
 *
 * <p>A request without Authorization header, or with an empty one (the reference frontend sends
 * {@code Authorization: ''}), is anonymous. A present but invalid, expired or forged token is a 401 — never
 * silently anonymous — so the client knows to refresh.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * Spring Security observes every request through each of its filters by default: an observation per filter with
     * a counter and a timer looked up by tags, about a tenth of an offline chat turn's CPU and of every cheap request's.
     * The hub's requests are already measured by Spring's {@code http.server.requests} and Camel's per-route metrics,
     * so Spring Security's own observations are off unless {@code henk.security.observations} is true.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings(HenkProperties properties) {
        return properties.security().observations() ? SecurityObservationSettings.withDefaults().build()
                : SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, HenkProperties properties,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBase) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                // CORS with a processor that answers a refused origin as a problem document (not plain text)
                .cors(cors -> cors.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(WebPages.headers())
                .addFilterBefore(new RequestIdFilter(), SecurityContextHolderFilter.class)
                .addFilterBefore(new RequestFormatFilter(problems), SecurityContextHolderFilter.class)
                // an Accept without JSON hides no error behind a 406 (the answer of a successful read only)
                .addFilterBefore(new AcceptNegotiationFilter(problems), SecurityContextHolderFilter.class)
                // what the hub does not serve is a 404 for anyone (not a 401 that says "sign in")
                .addFilterBefore(new UnknownAddressFilter(problems, WebPages.PUBLIC_FILES, actuatorBase),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(corsFilter(properties, problems), SecurityContextHolderFilter.class)
                .addFilterBefore(new RequestBodyLimitFilter(properties.http().maxBodyBytes(),
                                properties.http().bodyReadTimeout(), problems),
                        BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/chat").permitAll()
                        // the web pages and the API contract; what they show comes from the API, with its rules
                        // (another method than GET or HEAD is a 405 from the file handler, not a 401)
                        .requestMatchers(WebPages.PUBLIC_FILES).permitAll()
                        // an anonymous visitor holding the session id may ask for a person
                        .requestMatchers(HttpMethod.POST, "/api/chat/sessions/*/handoff").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/handoffs").hasRole("BETA")
                        .requestMatchers(HttpMethod.POST, "/api/chat/sessions/*/messages", "/api/chat/sessions/*/release")
                        .hasRole("BETA")
                        .requestMatchers(HttpMethod.GET, "/api/fabrics/**", "/api/appointments/availability").permitAll()
                        // Pipedrive authenticates with HTTP Basic, checked by the webhook route itself
                        .requestMatchers(HttpMethod.POST, "/api/crm/webhooks/pipedrive").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login",
                                "/api/auth/refresh", "/api/auth/logout").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/crm/deals", "/api/crm/deal/*/sessions", "/api/crm/mails",
                                "/api/orders", "/api/analytics/**")
                        .hasRole("BETA")
                        .requestMatchers(HttpMethod.PUT, "/api/crm/deal/*", "/api/orders/*/status").hasRole("BETA")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(bearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, failure) -> {
                            boolean tokenProblem = failure instanceof InvalidBearerTokenException
                                    || failure.getClass().getSimpleName().contains("OAuth2");
                            response.setHeader("WWW-Authenticate", tokenProblem
                                    ? "Bearer error=\"invalid_token\"" : "Bearer");
                            problems.write(request, response, tokenProblem ? tokenProblem(failure.getMessage())
                                    : ApiException.unauthorized("authentication_required", "Sign in to use this endpoint"));
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                ApiException.forbidden("forbidden", "You are not allowed to do this"))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response,
                                    ApiException.unauthorized("authentication_required", "Sign in to use this endpoint"));
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                ApiException.forbidden("forbidden", "You are not allowed to do this"))));
        return http.build();
    }

    /**
     * The endpoints whose credential is in the body (password, refresh token) do not read the Authorization header:
     * a client that sends its stale access token along with everything (an expired one, or one of an ended session)
     * would otherwise be refused 401 at the one place that gives it new tokens or ends its session. Logout reads the
     * header itself ({@link AuthService#logout}): an expired token still names the session to end.
     */
    static final String[] BODY_CREDENTIAL_PATHS = {"/api/auth/register", "/api/auth/login", "/api/auth/refresh",
            "/api/auth/logout"};

    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        var bodyCredentials = new OrRequestMatcher(java.util.Arrays.stream(BODY_CREDENTIAL_PATHS)
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
                .toList());
        return request -> bodyCredentials.matches(request) ? null : header.resolve(request);
    }

    private static ApiException tokenProblem(String message) {
        String detail = "The access token is invalid or has expired";
        return message != null && message.contains("expired") ? ApiException.unauthorized("token_expired", detail)
                : ApiException.unauthorized("invalid_token", detail);
    }

    /**
     * A request the firewall turns away (a header value with bytes no header may carry, say a UTF-8 "Ä" in
     * User-Agent, or an address with "//" or an encoded slash) is a 400 problem document like any bad request —
     * not an empty 500 with a stack trace in the log for every such request.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> {
            boolean header = rejected.getMessage() != null && rejected.getMessage().contains("header");
            LOG.info("Request rejected ({}): {} {}",
                    header ? "header" : "address", request.getMethod(), request.getRequestURI().length() > 200
                            ? request.getRequestURI().substring(0, 200) : request.getRequestURI());
            problems.write(request, response, header
                    ? new ApiException(400, "invalid_header",
                            "A request header has characters a header may not carry (send non-ASCII text in the body)")
                    : new ApiException(400, "invalid_address", "The address has characters or parts the hub does not "
                            + "accept (such as //, /../, ; or an encoded slash)"));
        };
    }

    @Bean
    public RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_BETA\nROLE_BETA > ROLE_CUSTOMER");
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        // bcrypt today, with the {id} prefix that lets us move to argon2 without a reset
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public SecretKey jwtSigningKey(HenkProperties properties) {
        return JwtKeys.signingKey(properties);
    }

    @Bean
    public JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }

    @Bean
    public JwtDecoder jwtDecoder(SecretKey jwtSigningKey, HenkProperties properties, LoginSessions sessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> sessionStillOpen = jwt -> {
            String sid = jwt.getClaimAsString("sid");
            return sid != null && sessions.isActive(sid) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The session has ended", null));
        };
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.jwt().issuer()), sessionStillOpen));
        return decoder;
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static CorsFilter corsFilter(HenkProperties properties, ProblemResponses problems) {
        CorsFilter filter = new CorsFilter(cors(properties));
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    private static CorsConfigurationSource cors(HenkProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.cors().allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "Idempotency-Key"));
        config.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
