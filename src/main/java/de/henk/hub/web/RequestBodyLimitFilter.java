package de.henk.hub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects oversized bodies with 413 before any route sees them: by Content-Length up front, and otherwise by
 * reading at most the limit into memory first (the limit is small, 64 KiB by default, so buffering costs nothing
 * worth counting). Every body is read here, on the servlet thread: a body the client abandons or garbles is a 400
 * {@code incomplete_body} instead of a failure inside a route running on another thread.
 *
 * <p>A body that does not arrive in time is a 408 {@code request_timeout} and the connection is closed: one that
 * stalls for {@code henk.http.body-read-timeout} (Tomcat's read timeout while a body is uploaded, set by
 * {@link SlowClientsConfig}), and one that trickles in so slowly that the whole takes longer. A client that sent
 * headers and then nothing held a servlet thread for minutes, and a couple of hundred such clients all of them.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /**
     * Set on a request whose body ran out of time: Tomcat then closes the connection after the 408 instead of
     * reading ("swallowing") the rest of the body, which a trickling client would stretch out again
     * ({@link SlowClientsConfig}).
     */
    static final String TIMED_OUT = RequestBodyLimitFilter.class.getName() + ".timedOut";

    private final long maxBytes;
    private final java.time.Duration timeout;
    private final ProblemResponses problems;

    public RequestBodyLimitFilter(long maxBytes, java.time.Duration timeout, ProblemResponses problems) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        if (declared <= 0 && !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), maxBytes + 1, System.nanoTime() + timeout.toNanos());
        } catch (IOException unreadable) {
            if (timedOut(unreadable)) {
                tooSlow(request, response);
                return;
            }
            // the client gave up half-way, or sent broken chunked encoding: read here, on the servlet thread, so no
            // route is left reading a request the container has already given up
            response.setHeader("Connection", "close");
            try {
                problems.write(request, response, ApiException.badRequest("incomplete_body",
                        "The request body could not be read to its end"));
            } catch (IOException clientGone) {
                // nobody is listening any more
            }
            return;
        }
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void tooSlow(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(TIMED_OUT, Boolean.TRUE);
        response.setHeader("Connection", "close");
        try {
            problems.write(request, response, new ApiException(408, "request_timeout",
                    "The request body did not arrive within " + timeout.toSeconds() + " s"));
        } catch (IOException clientGone) {
            // nobody is listening any more
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof BodyTooSlow) {
                return true;
            }
        }
        return false;
    }

    /** The body was still arriving when its time was up. */
    private static final class BodyTooSlow extends IOException {
        BodyTooSlow() {
            super("the request body took longer than allowed", null);
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, new ApiException(413, "payload_too_large",
                "The request body is larger than " + maxBytes + " bytes"));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * At most {@code limit} bytes; each read waits at most Tomcat's upload read timeout, and once {@code deadline}
     * ({@link System#nanoTime}) has passed, a body still arriving fails with {@link BodyTooSlow}.
     */
    private static byte[] readAtMost(InputStream in, long limit, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (out.size() < limit) {
            if (System.nanoTime() - deadline > 0 && !(in instanceof ServletInputStream servlet && servlet.isFinished())) {
                throw new BodyTooSlow();
            }
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()));
            if (n <= 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }
    }
}
