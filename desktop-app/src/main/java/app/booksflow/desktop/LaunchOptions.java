package app.booksflow.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How this run of the desktop app was asked to start.
 *
 * @param dataDir   a data folder for this session only, instead of the one chosen in Settings
 * @param configDir a settings folder instead of the OS's usual place (portable installs, tests)
 * @param jvmStartedAt when the JVM started, the zero of the cold-start measurement
 */
public record LaunchOptions(Optional<Path> dataDir, Optional<Path> configDir, Instant jvmStartedAt) {

    public LaunchOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(jvmStartedAt, "jvmStartedAt");
    }

    public static LaunchOptions defaults(Instant jvmStartedAt) {
        return new LaunchOptions(Optional.empty(), Optional.empty(), jvmStartedAt);
    }
}
