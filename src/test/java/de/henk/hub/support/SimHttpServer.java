package de.henk.hub.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A deliberately small HTTP/1.1 server written directly on {@link ServerSocket}, so that transport faults
 * (TCP reset, a request that is never answered) are real socket behaviour rather than mocks.
 *
 * <p>Supports persistent connections (HTTP/1.1 keep-alive, HTTP/1.0 {@code Connection: keep-alive}),
 * pipelined requests, {@code Content-Length} and {@code Transfer-Encoding: chunked} request bodies and
 * {@code Expect: 100-continue}. Responses always carry a {@code Content-Length}. One thread per connection.
 */
final class SimHttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimHttpServer.class.getName());
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** A parsed request. Header names are lower-case; values keep their order of appearance. */
    record Request(String method, String target, String path, String rawQuery, String version,
                   Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A response: status, extra headers (Content-Length/Date/Connection are added by the server), body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    /** What the handler wants done with the request. */
    static final class Outcome {
        enum Kind { RESPOND, HANG, RESET }

        final Kind kind;
        final Response response;
        final Duration delay;
        final Runnable beforeWrite;

        private Outcome(Kind kind, Response response, Duration delay, Runnable beforeWrite) {
            this.kind = kind;
            this.response = response;
            this.delay = delay;
            this.beforeWrite = beforeWrite;
        }

        static Outcome respond(Response response, Duration delay, Runnable beforeWrite) {
            return new Outcome(Kind.RESPOND, response, delay, beforeWrite);
        }

        static Outcome hang() {
            return new Outcome(Kind.HANG, null, null, null);
        }

        static Outcome reset() {
            return new Outcome(Kind.RESET, null, null, null);
        }
    }

    @FunctionalInterface
    interface Handler {
        Outcome handle(Request request);
    }

    private static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private volatile boolean closed;
    /** Counted down (and replaced) to release every hanging/slow connection. */
    private volatile CountDownLatch release = new CountDownLatch(1);

    SimHttpServer(Handler handler) {
        this.handler = handler;
        try {
            this.serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind simulator socket", e);
        }
        AtomicInteger threadNo = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pipedrive-sim-conn-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "pipedrive-sim-acceptor-" + serverSocket.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    int openConnections() {
        return openSockets.size();
    }

    /** Releases every connection currently hanging (they are then closed) and cuts slow delays short. */
    void releaseHeld() {
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseHeld();
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : openSockets) {
            closeQuietly(s);
        }
        workers.shutdownNow();
        try {
            acceptor.join(2000);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "accept failed", e);
                }
                return;
            }
            connectionsAccepted.incrementAndGet();
            openSockets.add(socket);
            try {
                workers.execute(() -> serve(socket));
            } catch (RuntimeException rejected) {
                openSockets.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (!closed) {
                Request request;
                try {
                    request = readRequest(in, out);
                } catch (BadRequest e) {
                    LOG.fine(() -> "bad request: " + e.getMessage());
                    writeResponse(out, simpleError(e.status, e.getMessage()), true, false);
                    return;
                }
                if (request == null) {
                    return; // orderly close by the client between requests
                }
                Outcome outcome;
                try {
                    outcome = handler.handle(request);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "simulator handler failed", e);
                    outcome = Outcome.respond(simpleError(500, "simulator handler failed: " + e), null, null);
                }
                switch (outcome.kind) {
                    case HANG -> {
                        hang(socket, in);
                        return;
                    }
                    case RESET -> {
                        socket.setSoLinger(true, 0);
                        socket.close();
                        return;
                    }
                    default -> {
                        if (outcome.delay != null && !outcome.delay.isZero() && !outcome.delay.isNegative()) {
                            try {
                                release.await(outcome.delay.toNanos(), TimeUnit.NANOSECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        if (outcome.beforeWrite != null) {
                            try {
                                outcome.beforeWrite.run();
                            } catch (RuntimeException e) {
                                LOG.log(Level.FINE, "before-write hook failed", e);
                            }
                        }
                        boolean close = closed || !keepAlive(request);
                        writeResponse(out, outcome.response, close, "HEAD".equals(request.method()));
                        if (close) {
                            return;
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINEST, "connection ended", e);
        } finally {
            openSockets.remove(socket);
            closeQuietly(socket);
        }
    }

    /** Never answers: waits until released/closed or until the client gives up (EOF/reset), then closes. */
    private void hang(Socket socket, InputStream in) {
        CountDownLatch myRelease = release;
        try {
            socket.setSoTimeout(100);
            byte[] sink = new byte[4096];
            while (!closed && myRelease.getCount() > 0) {
                try {
                    if (in.read(sink) < 0) {
                        return; // client closed its side
                    }
                } catch (SocketTimeoutException stillThere) {
                    // keep waiting
                }
            }
        } catch (IOException e) {
            // client reset the connection: it gave up
        }
    }

    private static boolean keepAlive(Request r) {
        String connection = r.header("connection");
        String tokens = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        if ("HTTP/1.0".equals(r.version())) {
            return tokens.contains("keep-alive");
        }
        return !tokens.contains("close");
    }

    private static Response simpleError(int status, String message) {
        String json = "{\"success\":false,\"error\":" + quote(message)
                + ",\"error_info\":\"Please check developers.pipedrive.com\",\"data\":null,\"additional_data\":null}";
        return new Response(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    // ------------------------------------------------------------------------------------------------ parsing

    private Request readRequest(InputStream in, OutputStream out) throws IOException, BadRequest {
        String requestLine;
        do {
            requestLine = readLine(in, true);
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty()); // RFC 9112 2.2: ignore at least one empty line before the request-line

        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new BadRequest(400, "Malformed request line");
        }
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new BadRequest(505, "HTTP version not supported");
        }
        if (!method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new BadRequest(400, "Malformed method");
        }

        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        while (true) {
            String line = readLine(in, false);
            if (line == null) {
                throw new BadRequest(400, "Unexpected end of headers");
            }
            if (line.isEmpty()) {
                break;
            }
            if (++count > MAX_HEADERS) {
                throw new BadRequest(431, "Too many headers");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new BadRequest(400, "Obsolete header line folding");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "Malformed header line");
            }
            String name = line.substring(0, colon);
            if (name.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new BadRequest(400, "Malformed header name");
            }
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        if (version.equals("HTTP/1.1") && !headers.containsKey("host")) {
            throw new BadRequest(400, "Missing Host header");
        }

        String path = target;
        String rawQuery = null;
        if (target.startsWith("http://") || target.startsWith("https://")) { // absolute-form
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            path = slash < 0 ? "/" : target.substring(slash);
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            rawQuery = path.substring(q + 1);
            path = path.substring(0, q);
        }
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }

        byte[] body = readBody(in, out, version, headers);
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Request(method, target, path, rawQuery, version, Collections.unmodifiableMap(frozen), body);
    }

    private byte[] readBody(InputStream in, OutputStream out, String version, Map<String, List<String>> headers)
            throws IOException, BadRequest {
        List<String> te = headers.get("transfer-encoding");
        List<String> cl = headers.get("content-length");
        boolean chunked = false;
        long length = 0;
        if (te != null) {
            String all = String.join(",", te).toLowerCase(Locale.ROOT);
            String[] codings = all.split(",");
            if (!codings[codings.length - 1].trim().equals("chunked")) {
                throw new BadRequest(501, "Unsupported Transfer-Encoding: " + all);
            }
            for (String coding : codings) {
                if (!coding.trim().equals("chunked")) {
                    throw new BadRequest(501, "Unsupported Transfer-Encoding: " + all);
                }
            }
            chunked = true;
        } else if (cl != null) {
            String first = null;
            for (String v : String.join(",", cl).split(",")) {
                String t = v.trim();
                if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 12) {
                    throw new BadRequest(400, "Invalid Content-Length");
                }
                if (first != null && !first.equals(t)) {
                    throw new BadRequest(400, "Conflicting Content-Length values");
                }
                first = t;
            }
            length = Long.parseLong(first);
            if (length > MAX_BODY) {
                throw new BadRequest(413, "Request body too large");
            }
        }
        if (!chunked && length == 0) {
            return new byte[0];
        }
        String expect = headers.containsKey("expect") ? headers.get("expect").get(0) : null;
        if (expect != null && expect.equalsIgnoreCase("100-continue") && version.equals("HTTP/1.1")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        if (!chunked) {
            return readExactly(in, (int) length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            if (sizeLine == null) {
                throw new BadRequest(400, "Unexpected end of chunked body");
            }
            int semi = sizeLine.indexOf(';');
            String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "Invalid chunk size");
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY) {
                throw new BadRequest(413, "Request body too large");
            }
            if (size == 0) {
                // trailer section
                while (true) {
                    String trailer = readLine(in, false);
                    if (trailer == null) {
                        throw new BadRequest(400, "Unexpected end of chunked trailer");
                    }
                    if (trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            body.write(readExactly(in, size));
            String crlf = readLine(in, false);
            if (crlf == null || !crlf.isEmpty()) {
                throw new BadRequest(400, "Missing CRLF after chunk data");
            }
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException, BadRequest {
        byte[] buf = in.readNBytes(n);
        if (buf.length != n) {
            throw new BadRequest(400, "Unexpected end of body");
        }
        return buf;
    }

    /**
     * Reads one line terminated by LF (a preceding CR is dropped). Returns null on EOF before any byte
     * (only when {@code eofOk}); an EOF in the middle of a line is an error.
     */
    private static String readLine(InputStream in, boolean eofOk) throws IOException, BadRequest {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketException e) {
                if (eofOk && line.size() == 0) {
                    return null; // connection reset while idle: treat like a close
                }
                throw e;
            }
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new BadRequest(400, "Unexpected end of stream");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length;
                if (len > 0 && bytes[len - 1] == '\r') {
                    len--;
                }
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > MAX_LINE) {
                throw new BadRequest(431, "Line too long");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    private static void writeResponse(OutputStream out, Response response, boolean close, boolean head)
            throws IOException {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        h.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        for (Map.Entry<String, String> e : response.headers().entrySet()) {
            h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        h.append("Content-Length: ").append(body.length).append("\r\n");
        if (close) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
