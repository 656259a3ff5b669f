package app.booksflow.server.audit;

import app.booksflow.model.audit.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The hash that links each audit row to the one before it: SHA-256 over the previous hash and the
 * row's canonical content. Changing, removing or reordering any row breaks every hash after it.
 */
public final class AuditChain {

    /** The "previous hash" of the first row of a practice. */
    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    /** PostgreSQL keeps microseconds; hashing the same precision makes stored rows verifiable. */
    public static Instant storedPrecision(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static byte[] hash(byte[] previous, long seq, AuditEvent event) {
        StringBuilder canonical = new StringBuilder(256)
                .append(seq).append('\n')
                .append(event.id()).append('\n')
                .append(storedPrecision(event.at())).append('\n')
                .append(event.organization()).append('\n')
                .append(orDash(event.actor())).append('\n')
                .append(orDash(event.device())).append('\n')
                .append(orDash(event.client())).append('\n')
                .append(event.entityType()).append('\n')
                .append(event.entityId()).append('\n')
                .append(event.action()).append('\n')
                .append(event.risk()).append('\n');
        lengthPrefixed(canonical, event.before());
        lengthPrefixed(canonical, event.after());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String orDash(Optional<?> value) {
        return value.map(Object::toString).orElse("-");
    }

    /** Free text is length-prefixed so that no content can imitate a field boundary. */
    private static void lengthPrefixed(StringBuilder out, Optional<String> text) {
        if (text.isEmpty()) {
            out.append("-\n");
        } else {
            out.append(text.get().length()).append(':').append(text.get()).append('\n');
        }
    }
}
