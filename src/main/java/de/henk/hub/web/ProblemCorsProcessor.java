package de.henk.hub.web;

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

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.parseMediaType(Problem.MEDIA_TYPE));
        SecurityHeaders.addMissing(response.getHeaders());
        response.getBody().write(problems.json(ApiException.forbidden("cors_origin_not_allowed",
                "This origin may not call the API; add it to henk.cors.allowed-origins")).getBytes(StandardCharsets.UTF_8));
        response.flush();
    }
}
