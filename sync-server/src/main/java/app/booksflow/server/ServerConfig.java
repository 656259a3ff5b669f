package app.booksflow.server;

import app.booksflow.server.accounts.PasswordHasher;
import app.booksflow.server.db.Database;
import app.booksflow.server.metrics.AlertMonitor;
import app.booksflow.server.web.ClientAddress;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the server runs. Read from, in rising priority: built-in defaults, a properties file
 * ({@code --config FILE}), environment variables ({@code BOOKSFLOW_DB_URL} for {@code db.url}, and so
 * on), and the command line.
 *
 * @param databaseUrl empty for the embedded PostgreSQL kept in {@code dataDir/postgres}
 * @param keystore    a PKCS#12 keystore enables HTTPS (and HSTS) on the same port
 * @param requestIdleTimeout how long a connection may stay silent while its request is read or its
 *                    answer written, before the server gives up on it
 * @param metricsRetention how long the per-minute request metrics are kept; zero keeps them for ever
 * @param databasePoolWait how long a request waits for a free database connection before it is answered 503 BUSY
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed ({@link ClientAddress})
 */
public record ServerConfig(String host, int port, Path dataDir, Optional<String> databaseUrl, String databaseUser,
        String databasePassword, int databasePoolSize, Duration databasePoolWait, long maxBlobBytes, long maxRequestBytes,
        Duration requestIdleTimeout, Duration tokenLifetime,
        Duration dashboardRefresh, Duration slowRequest, Duration slowQuery, Optional<String> metricsScrapeToken,
        Duration metricsRetention,
        Optional<Path> keystore, String keystorePassword, int passwordHashMemoryKib, int passwordHashConcurrency,
        List<String> trustedProxies,
        Alerting alerting) {

    public ServerConfig {
        trustedProxies = List.copyOf(trustedProxies);
        if (databasePoolWait.toMillis() < MIN_POOL_WAIT_MILLIS) {
            throw new IllegalArgumentException("The setting db.pool.wait must be at least PT0.25S (the connection pool's "
                    + "shortest wait), not " + databasePoolWait + ".");
        }
    }

    /**
     * Alerts to a webhook ({@code alert.webhook}) when the p95 of the last {@code alert.window} passes
     * {@code alert.p95.ms} or its failed share passes {@code alert.errors.percent} for {@code alert.hold},
     * and again when it has been back for as long. Without a webhook nothing is judged.
     */
    public record Alerting(Optional<URI> webhook, double p95Millis, double errorPercent, Duration hold,
            Duration window) {

        public Optional<AlertMonitor.Rules> rules() {
            return webhook.map(uri -> new AlertMonitor.Rules(uri, p95Millis, errorPercent, hold, window));
        }
    }

    public static final int DEFAULT_PORT = 8080;
    private static final long MIN_POOL_WAIT_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(ServerConfig.class);

    /** Defaults for a server keeping its data in the folder. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, dataDir, Optional.empty(), "postgres", "", 16, Database.DEFAULT_WAIT,
                25L * 1024 * 1024, 30L * 1024 * 1024, Duration.ofSeconds(30), Duration.ofDays(30), Duration.ofMinutes(5),
                Duration.ofMillis(500), Duration.ofMillis(100), Optional.empty(), Duration.ofDays(90), Optional.empty(),
                "", 19 * 1024, PasswordHasher.defaultConcurrency(), List.of(), new Alerting(Optional.empty(), 500, 1.0, Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }

    /** The OS's usual place for a service's data: {@code $XDG_DATA_HOME/booksflow-server}, or the platform's equivalent. */
    public static Path defaultDataDir(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            return Path.of(env.getOrDefault("APPDATA", home), "BooksFlow Server");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "BooksFlow Server");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".local", "share") : Path.of(xdg)).resolve("booksflow-server");
    }

    /**
     * Applies a properties file and then the environment over these settings. A key that is no setting (a
     * misspelling, or one from another version) is named in a warning, with the setting it may have meant.
     */
    public ServerConfig with(Optional<Path> file, Map<String, String> env) {
        Properties properties = new Properties();
        Map<String, String> sources = new TreeMap<>();
        if (file.isPresent()) {
            try (Reader reader = Files.newBufferedReader(file.get())) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the configuration file " + file.get(), e);
            }
            properties.stringPropertyNames().forEach(key -> sources.put(key, "in " + file.get()));
        }
        env.forEach((key, value) -> {
            if (key.startsWith("BOOKSFLOW_") && !LAUNCHER_VARIABLES.contains(key)) {
                String setting = key.substring("BOOKSFLOW_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                properties.setProperty(setting, value);
                sources.put(setting, "from the environment variable " + key);
            }
        });
        ServerConfig config = apply(properties);
        sources.forEach((key, source) -> {
            if (!KNOWN_SETTINGS.contains(key)) {
                LOG.warn("'{}' {} is not a setting of this server and is ignored{}", key, source,
                        closest(key).map(known -> "; did you mean '" + known + "'?").orElse("."));
            }
        });
        return config;
    }

    /** Read by the start script, not settings. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("BOOKSFLOW_CONFIG", "BOOKSFLOW_JAVA_OPTS");

    /** Every key {@link #apply} reads, found by letting it read an empty file. */
    private static final Set<String> KNOWN_SETTINGS = knownSettings();

    private static Set<String> knownSettings() {
        Settings reader = new Settings(new Properties());
        defaults(Path.of(".")).apply(reader);
        return Set.copyOf(reader.asked);
    }

    /** The known setting one or two typing slips away, if there is one. */
    private static Optional<String> closest(String key) {
        return KNOWN_SETTINGS.stream().filter(known -> distance(key, known) <= 2)
                .min(java.util.Comparator.comparingInt((String known) -> distance(key, known)).thenComparing(known -> known));
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private ServerConfig apply(Properties properties) {
        return apply(new Settings(properties));
    }

    private ServerConfig apply(Settings s) {
        return new ServerConfig(s.text("host", host), s.integer("port", port), s.path("data.dir", dataDir),
                s.optional("db.url").or(() -> databaseUrl), s.text("db.user", databaseUser),
                s.text("db.password", databasePassword), s.integer("db.pool.size", databasePoolSize),
                s.positiveDuration("db.pool.wait", databasePoolWait),
                s.bytes("blob.max.bytes", maxBlobBytes), s.bytes("request.max.bytes", maxRequestBytes),
                s.positiveDuration("request.idle.timeout", requestIdleTimeout),
                s.duration("token.lifetime", tokenLifetime), s.duration("dashboard.refresh", dashboardRefresh),
                s.duration("slow.request", slowRequest), s.duration("slow.query", slowQuery),
                s.optional("metrics.token").or(() -> metricsScrapeToken),
                s.nonNegativeDuration("metrics.retention", metricsRetention),
                s.optional("tls.keystore").map(Path::of).or(() -> keystore),
                s.text("tls.keystore.password", keystorePassword),
                s.integer("password.hash.memory.kib", passwordHashMemoryKib),
                s.positiveInteger("password.hash.concurrency", passwordHashConcurrency),
                s.addresses("proxy.trusted", trustedProxies),
                new Alerting(s.optional("alert.webhook").map(v -> Settings.parse("alert.webhook", v, URI::create))
                        .or(alerting::webhook), s.decimal("alert.p95.ms", alerting.p95Millis()),
                        s.decimal("alert.errors.percent", alerting.errorPercent()),
                        s.duration("alert.hold", alerting.hold()), s.duration("alert.window", alerting.window())));
    }

    /** These settings with some overridden by key, as in the properties file: {@code port}, {@code db.url}, ... */
    public ServerConfig withSettings(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return apply(properties);
    }

    public Path blobDir() {
        return dataDir.resolve("blobs");
    }

    public Path embeddedDatabaseDir() {
        return dataDir.resolve("postgres");
    }

    /** Reads typed values from the properties and remembers which keys were asked for. */
    private static final class Settings {

        private final Properties properties;
        private final Set<String> asked = new HashSet<>();

        Settings(Properties properties) {
            this.properties = properties;
        }

        String text(String key, String fallback) {
            return optional(key).orElse(fallback);
        }

        Optional<String> optional(String key) {
            asked.add(key);
            String value = properties.getProperty(key);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        int integer(String key, int fallback) {
            return optional(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
        }

        int positiveInteger(String key, int fallback) {
            int value = integer(key, fallback);
            if (value < 1) {
                throw new IllegalArgumentException("The setting " + key + " must be 1 or more, not " + value + ".");
            }
            return value;
        }

        double decimal(String key, double fallback) {
            return optional(key).map(v -> parse(key, v, Double::parseDouble)).orElse(fallback);
        }

        long bytes(String key, long fallback) {
            return optional(key).map(v -> parse(key, v, Long::parseLong)).orElse(fallback);
        }

        Duration duration(String key, Duration fallback) {
            return optional(key).map(v -> parse(key, v, Duration::parse)).orElse(fallback);
        }

        Duration nonNegativeDuration(String key, Duration fallback) {
            Duration value = duration(key, fallback);
            if (value.isNegative()) {
                throw new IllegalArgumentException("The setting " + key + " must not be negative, not " + value + ".");
            }
            return value;
        }

        Duration positiveDuration(String key, Duration fallback) {
            Duration value = duration(key, fallback);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("The setting " + key + " must be above zero, not " + value + ".");
            }
            return value;
        }

        /** A comma-separated list of IP addresses, each checked. */
        List<String> addresses(String key, List<String> fallback) {
            return optional(key).map(v -> {
                List<String> addresses = Arrays.stream(v.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
                ClientAddress.trusting(addresses);
                return addresses;
            }).orElse(fallback);
        }

        Path path(String key, Path fallback) {
            return optional(key).map(Path::of).orElse(fallback);
        }

        private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The setting " + key + " = '" + value + "' is not valid: " + e.getMessage(), e);
            }
        }
    }
}
