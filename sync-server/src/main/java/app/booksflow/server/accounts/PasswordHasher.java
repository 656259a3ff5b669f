package app.booksflow.server.accounts;

import app.booksflow.server.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}).
 * The parameters travel in each hash, so stronger settings apply to new passwords without breaking old ones.
 */
public final class PasswordHasher {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** How long a sign-in waits for a turn before it is answered "busy". */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final Semaphore turns;
    private final Duration longestWait;

    /**
     * @param memoryKib   19,456 KiB is the OWASP baseline; tests may use less
     * @param concurrency how many hashes run at once: each holds {@code memoryKib} of heap, and a burst of
     *                    sign-ins beyond this waits its turn rather than running the heap out
     */
    public PasswordHasher(int memoryKib, int concurrency) {
        this(memoryKib, new Semaphore(concurrency, true), LONGEST_WAIT);
        if (concurrency < 1) {
            throw new IllegalArgumentException("At least one password hash must be allowed at a time.");
        }
    }

    PasswordHasher(int memoryKib, Semaphore turns, Duration longestWait) {
        this.memoryKib = memoryKib;
        this.turns = turns;
        this.longestWait = longestWait;
    }

    /** One hash per processor, and at least two. */
    public static int defaultConcurrency() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = deriveInTurn(password, salt, memoryKib, ITERATIONS, PARALLELISM);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    public boolean matches(char[] password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String setting : parts[3].split(",")) {
            String[] pair = setting.split("=");
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> {
                    return false;
                }
            }
        }
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = deriveInTurn(password, B64D.decode(parts[4]), memory, iterations, parallelism);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * @throws ApiException 503 BUSY when no turn came within the longest wait: nothing was checked or changed
     */
    private byte[] deriveInTurn(char[] password, byte[] salt, int memory, int iterations, int parallelism) {
        boolean turn;
        try {
            turn = turns.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw ApiException.busy("The server is busy checking other sign-ins; nothing was changed. Try again in "
                    + "a few seconds.");
        }
        try {
            return derive(password, salt, memory, iterations, parallelism);
        } finally {
            turns.release();
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[HASH_BYTES];
        generator.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
