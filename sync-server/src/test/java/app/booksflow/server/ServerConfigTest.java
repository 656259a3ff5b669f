package app.booksflow.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    private static final ServerConfig DEFAULTS = ServerConfig.defaults(Path.of("data"));

    @Test
    void theRequestIdleTimeoutIsThirtySecondsUnlessSet() {
        assertThat(DEFAULTS.requestIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.withSettings(Map.of("request.idle.timeout", "PT2M")).requestIdleTimeout())
                .isEqualTo(Duration.ofMinutes(2));
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
}
