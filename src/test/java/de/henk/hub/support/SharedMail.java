package de.henk.hub.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** One real SMTP server (GreenMail) per test JVM, on a fixed port so it can be stopped and started again. */
public final class SharedMail {

    private static final int PORT = freePort();
    private static GreenMail server = start();

    private SharedMail() { }

    public static int port() {
        return PORT;
    }

    public static synchronized List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    public static synchronized List<MimeMessage> receivedBy(String recipient) {
        return received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** SMTP down. */
    public static synchronized void stop() {
        server.stop();
    }

    /** SMTP back (an empty mailbox). */
    public static synchronized void restart() {
        server = start();
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
