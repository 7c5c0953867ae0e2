package de.henk.hub.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** A cross-origin request from an origin not in {@code henk.cors.allowed-origins} gets a 403 problem document. */
public class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemResponses problems;

    public ProblemCorsProcessor(ProblemResponses problems) {
        this.problems = problems;
    }

    /** The request being refused: {@link #rejectRequest} is only handed the response, the problem names the path. */
    private static final ThreadLocal<String> PATH = new ThreadLocal<>();

    @Override
    public boolean processRequest(CorsConfiguration config,
                                  HttpServletRequest request,
                                  HttpServletResponse response) throws IOException {
        PATH.set(request.getRequestURI());
        try {
            return super.processRequest(config, request, response);
        } finally {
            PATH.remove();
        }
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.parseMediaType(Problem.MEDIA_TYPE));
        SecurityHeaders.addMissing(response.getHeaders());
        response.getBody().write(problems.json(ApiException.forbidden("cors_origin_not_allowed",
                "This origin may not call the API; add it to henk.cors.allowed-origins"), PATH.get()).getBytes(StandardCharsets.UTF_8));
        response.flush();
    }
}
