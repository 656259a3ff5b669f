package app.booksflow.server.support;

import java.io.IOException;
import java.nio.file.Path;

/** A PKCS#12 keystore with a new self-signed EC certificate, made by the JDK's keytool, for HTTPS tests. */
public final class TestKeystore {

    public static final String PASSWORD = "changeit-123";
    public static final String ALIAS = "booksflow";

    private TestKeystore() {
    }

    /**
     * @param name             the subject, for example {@code CN=localhost}
     * @param alternativeNames keytool's extension, for example {@code SAN=ip:127.0.0.1,dns:localhost}
     */
    public static Path create(Path file, String name, String alternativeNames) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", name, "-ext", alternativeNames, "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return file;
    }
}
