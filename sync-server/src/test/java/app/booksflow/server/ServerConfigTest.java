package app.booksflow.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ServerConfigTest {

    private static final ServerConfig DEFAULTS = ServerConfig.defaults(Path.of("data"));

    @Test
    void theRequestIdleTimeoutIsThirtySecondsUnlessSet() {
        assertThat(DEFAULTS.requestIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.withSettings(Map.of("request.idle.timeout", "PT2M")).requestIdleTimeout())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aRequestWaitsThirtySecondsForADatabaseConnectionUnlessSetAndAtLeastAQuarterSecond() {
        assertThat(DEFAULTS.databasePoolWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.withSettings(Map.of("db.pool.wait", "PT5S")).databasePoolWait()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("db.pool.wait", "PT0.1S")))
                .hasMessageContaining("db.pool.wait must be at least PT0.25S");
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("db.pool.wait", "PT0S")))
                .hasMessageContaining("db.pool.wait must be above zero");
    }

    @Test
    void aRequestIdleTimeoutThatIsNotAPositiveDurationIsRefusedByName() {
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("request.idle.timeout", "PT0S")))
                .hasMessageContaining("request.idle.timeout must be above zero");
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("request.idle.timeout", "-PT5S")))
                .hasMessageContaining("request.idle.timeout must be above zero");
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("request.idle.timeout", "30")))
                .hasMessageContaining("The setting request.idle.timeout = '30' is not valid");
    }

    @Test
    void trustedProxiesAreAListOfAddressesCheckedWhenRead() {
        assertThat(DEFAULTS.trustedProxies()).isEmpty();
        assertThat(DEFAULTS.withSettings(Map.of("proxy.trusted", " 127.0.0.1, ::1 ,")).trustedProxies())
                .containsExactly("127.0.0.1", "::1");
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("proxy.trusted", "127.0.0.1, nginx")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nginx'");
    }

    @Test
    void requestMetricsAreKeptNinetyDaysUnlessSet() {
        assertThat(DEFAULTS.metricsRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(DEFAULTS.withSettings(Map.of("metrics.retention", "P7D")).metricsRetention())
                .isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("metrics.retention", "7 days")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metrics.retention");
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("metrics.retention", "-P7D")))
                .as("a negative retention would delete every row").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metrics.retention must not be negative");
    }

    @Test
    void keysThatAreNoSettingAreNamedWithTheSettingTheyMayMean(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("booksflow-server.properties");
        Files.writeString(file, "db.pool.szie=4\nport=9090\nfavourite.colour=green\n");
        Logger logger = (Logger) LoggerFactory.getLogger(ServerConfig.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try {
            ServerConfig config = DEFAULTS.with(Optional.of(file), Map.of("BOOKSFLOW_SLOW_QEURY", "PT1S",
                    "BOOKSFLOW_CONFIG", file.toString(), "BOOKSFLOW_JAVA_OPTS", "-Xmx1g", "BOOKSFLOW_DB_USER", "books"));

            assertThat(config.port()).isEqualTo(9090);
            assertThat(config.databaseUser()).isEqualTo("books");
            assertThat(config.databasePoolSize()).as("the misspelled key changes nothing").isEqualTo(16);
        } finally {
            logger.detachAppender(warnings);
        }
        assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "'db.pool.szie' in " + file + " is not a setting of this server and is ignored; did you mean 'db.pool.size'?",
                "'favourite.colour' in " + file + " is not a setting of this server and is ignored.",
                "'slow.qeury' from the environment variable BOOKSFLOW_SLOW_QEURY is not a setting of this server and is "
                        + "ignored; did you mean 'slow.query'?");
    }

    @Test
    void passwordHashesRunOnePerProcessorAtATimeUnlessSet() {
        assertThat(DEFAULTS.passwordHashConcurrency()).isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
        assertThat(DEFAULTS.withSettings(Map.of("password.hash.concurrency", "8")).passwordHashConcurrency()).isEqualTo(8);
        assertThatThrownBy(() -> DEFAULTS.withSettings(Map.of("password.hash.concurrency", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password.hash.concurrency must be 1");
    }
}
