package app.booksflow.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
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

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;

    /** @param memoryKib 19,456 KiB is the OWASP baseline; tests may use less. */
    public PasswordHasher(int memoryKib) {
        this.memoryKib = memoryKib;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, ITERATIONS, PARALLELISM);
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
        byte[] actual = derive(password, B64D.decode(parts[4]), memory, iterations, parallelism);
        return MessageDigest.isEqual(expected, actual);
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
