package de.henk.hub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever the servlet container reports as an error (no such path, wrong method, a failure outside a route)
 * is answered as a problem document too, never as an HTML page or a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    public ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
            // someone asked for /error itself: there is nothing at this address (a 500 here alarmed the 5xx metrics)
            problems.write(request, response, ApiException.notFound("not_found", "There is nothing at this address"));
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ApiException problem = switch (status) {
            case 404 -> ApiException.notFound("not_found", "There is nothing at this address");
            case 405 -> new ApiException(405, "method_not_allowed", "This address does not support that method");
            case 413 -> new ApiException(413, "payload_too_large", "The request body is too large");
            case 415 -> new ApiException(415, "unsupported_media_type", "Send the body as application/json");
            case 406 -> new ApiException(406, "not_acceptable", "This address answers in application/json only");
            case 408 -> new ApiException(408, "request_timeout", "The request body did not arrive in time");
            default -> status >= 400 && status < 500
                    ? new ApiException(status, "bad_request", "The request could not be processed")
                    : ProblemResponses.toApiException(failure);
        };
        problems.write(request, response, problem);
    }
}
