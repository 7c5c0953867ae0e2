package de.henk.hub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An address the hub does not serve is a 404 {@code not_found}, for anyone: {@code /foo}, {@code /.env},
 * {@code /wp-login.php} answered 401 {@code authentication_required} (the security rules deny what they do not
 * know), which told scanners "there is something here, sign in" and told a mistyped link nothing useful.
 *
 * <p>Outside {@code /api} the hub serves only its web pages and files ({@code WebPages.PUBLIC_FILES}), the actuator
 * (under its base path) and {@code /error}; every other address is answered here, before the bearer token is read
 * and before any handler could look for a file. Nothing is opened: the pages are public anyway, the actuator and
 * everything under {@code /api} keep their rules (an unknown {@code /api} address still needs a signed-in caller
 * before it says 404, so the API's shape is not given away to strangers).
 */
public class UnknownAddressFilter extends OncePerRequestFilter {

    private final RequestMatcher known;
    private final ProblemResponses problems;

    /**
     * @param publicFiles    the pages and files anyone may load
     * @param actuatorBase   the actuator's base path ({@code management.endpoints.web.base-path}, "/actuator")
     */
    public UnknownAddressFilter(ProblemResponses problems, String[] publicFiles, String actuatorBase) {
        this.problems = problems;
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = new ArrayList<>();
        matchers.add(paths.matcher("/api/**"));
        matchers.add(paths.matcher("/error"));
        String base = actuatorBase == null || actuatorBase.isBlank() || actuatorBase.equals("/") ? "/actuator"
                : actuatorBase.replaceAll("/+$", "");
        matchers.add(paths.matcher(base + "/**"));
        for (String file : publicFiles) {
            matchers.add(paths.matcher(file));
        }
        this.known = new OrRequestMatcher(matchers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (known.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, ApiException.notFound("not_found", "There is nothing at this address"));
    }
}
