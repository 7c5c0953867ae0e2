package de.henk.hub.auth;

import de.henk.hub.config.HenkProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key that signs access tokens: {@code henk.jwt.secret} when set, otherwise a random key generated once
 * into {@code <data-dir>/keys/jwt-secret} so tokens survive restarts of an embedded hub.
 */
public final class JwtKeys {

    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
    private static final int MIN_BYTES = 32;

    private JwtKeys() { }

    public static SecretKey signingKey(HenkProperties properties) {
        String configured = properties.jwt().secret();
        byte[] bytes;
        if (configured != null && !configured.isBlank()) {
            bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("henk.jwt.secret must be at least " + MIN_BYTES + " bytes long");
            }
        } else {
            bytes = generatedKey(properties.dataDir().resolve("keys").resolve("jwt-secret"));
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] generatedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[64];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getEncoder().encodeToString(random));
                try {
                    Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the folder's ACL applies
                }
                log.info("Generated a new JWT signing key in {}", file);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT key " + file, e);
        }
    }
}
