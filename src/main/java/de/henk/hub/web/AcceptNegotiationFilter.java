package de.henk.hub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API request whose {@code Accept} leaves out JSON ({@code text/html}, {@code application/xml}) still gets its
 * real answer. Spring MVC matched the REST routes' {@code produces} before the route ran, so such a request got 406
 * {@code not_acceptable} whatever was wrong with it — an invalid body, a customer's token on a sales endpoint, a deal
 * that does not exist. Errors are problem documents in JSON whatever the client accepts (what APIs commonly do), so:
 * <ul>
 *   <li>the route runs as if JSON were accepted (Spring MVC sees {@code application/json} added to Accept);</li>
 *   <li>any error is the route's own 4xx problem document, in JSON;</li>
 *   <li>a read ({@code GET}, {@code HEAD}) that succeeds is replaced by 406 {@code not_acceptable}: the request was
 *       fine but asks for a type the address cannot produce — nothing happened on the server, so nothing is lost;</li>
 *   <li>a write ({@code POST}, {@code PUT}, {@code DELETE}) is carried out and answered in JSON: refusing it after the
 *       fact would tell the client it failed while the lead, deal or appointment exists (RFC 9110 12.5.1 lets a
 *       server disregard Accept rather than answer 406).</li>
 * </ul>
 * {@code Accept: text/event-stream} keeps choosing the streamed chat reply. Requests outside {@code /api/} (the web
 * pages) and requests that accept JSON ({@code *}{@code /*}, {@code application/*}, no Accept at all) pass untouched.
 */
public class AcceptNegotiationFilter extends OncePerRequestFilter {

    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);
    private static final String EVENT_STREAM = "text/event-stream";

    private final ProblemResponses problems;

    public AcceptNegotiationFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || request.getHeader("Accept") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<MediaType> accepted = accepted(request);
        if (accepted != null && acceptsJson(accepted)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest asJson = new JsonAccepted(request);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        chain.doFilter(asJson, read ? new RefusedWhenFine(request, response, accepted, problems) : response);
    }

    /**
     * The media ranges of the Accept header(s), or null when they do not parse (InvalidMediaTypeException is an
     * IllegalArgumentException); empty for a blank Accept, which asks for nothing in particular.
     */
    private static List<MediaType> accepted(HttpServletRequest request) {
        try {
            return MediaType.parseMediaTypes(Collections.list(request.getHeaders("Accept")));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static boolean acceptsJson(List<MediaType> accepted) {
        return accepted.isEmpty() || accepted.stream().anyMatch(range -> range.getQualityValue() > 0
                && (range.includes(MediaType.APPLICATION_JSON) || range.includes(PROBLEM)));
    }

    /** The request as Spring MVC sees it: JSON is acceptable too (and an event stream, when it was asked for). */
    private static final class JsonAccepted extends HttpServletRequestWrapper {

        private final String accept;

        JsonAccepted(HttpServletRequest request) {
            super(request);
            String original = String.valueOf(request.getHeader("Accept")).toLowerCase(Locale.ROOT);
            this.accept = (original.contains(EVENT_STREAM) ? EVENT_STREAM + ", " : "") + MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
        }
    }

    /**
     * A successful read's answer, refused when its type is not one the client accepts: the moment the route starts
     * writing a 2xx body, the 406 problem is written instead and the route's body goes nowhere.
     */
    private static final class RefusedWhenFine extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final List<MediaType> accepted;
        private final ProblemResponses problems;
        private boolean refused;

        RefusedWhenFine(HttpServletRequest request, HttpServletResponse response, List<MediaType> accepted,
                        ProblemResponses problems) {
            super(response);
            this.request = request;
            this.accepted = accepted;
            this.problems = problems;
        }

        /** Whether the body about to be written is refused (and the 406 written in its place). */
        private boolean refuse() throws IOException {
            if (refused) {
                return true;
            }
            int status = getStatus();
            String type = getContentType();
            if (status < 200 || status > 299 || type == null || isCommitted() || acceptable(type)) {
                return false;
            }
            refused = true;
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setContentLengthLong(-1);
            problems.write(request, response, new ApiException(406, "not_acceptable",
                    "This address answers in " + MediaType.parseMediaType(type).getType() + "/"
                            + MediaType.parseMediaType(type).getSubtype()
                            + " only; send Accept: application/json (or no Accept header)"));
            return true;
        }

        private boolean acceptable(String contentType) {
            MediaType produced;
            try {
                produced = MediaType.parseMediaType(contentType);
            } catch (InvalidMediaTypeException unknown) {
                return true;
            }
            return accepted != null && accepted.stream().anyMatch(range -> range.getQualityValue() > 0
                    && range.includes(produced));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return refuse() ? NOWHERE : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return refuse() ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }

        // once refused, the route's status, headers and length are not the answer any more

        @Override
        public void setStatus(int status) {
            if (!refused) {
                super.setStatus(status);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!refused) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!refused) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (!refused) {
                super.setIntHeader(name, value);
            }
        }

        @Override
        public void setContentType(String type) {
            if (!refused) {
                super.setContentType(type);
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!refused) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!refused) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setCharacterEncoding(String charset) {
            if (!refused) {
                super.setCharacterEncoding(charset);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!refused) {
                super.flushBuffer();
            }
        }
    }

    private static final ServletOutputStream NOWHERE = new ServletOutputStream() {
        @Override
        public void write(int b) { }

        @Override
        public void write(byte[] b, int off, int len) { }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) { }
    };
}
