package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which database and data directory a command works on; the same options for every command. Settings come
 * from, in rising priority: defaults, the --config file, BOOKSFLOW_* environment variables, these options.
 */
public final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = {
        "Where the server keeps its data: the embedded PostgreSQL in DIR/postgres and receipt files in DIR/blobs.",
        "Default: the setting data.dir (--config, BOOKSFLOW_DATA_DIR), else the system's folder for application data: "
                + "~/.local/share/booksflow-server on Linux, ~/Library/Application Support/BooksFlow Server on macOS, "
                + "%%APPDATA%%\\BooksFlow Server on Windows."})
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings such as port, db.url and data.dir (the README lists them).")
    Path configFile;

    @Option(names = "--db-url", paramLabel = "URL", description = {
        "The JDBC URL of an external PostgreSQL, for example jdbc:postgresql://db.example:5432/booksflow "
                + "(env BOOKSFLOW_DB_URL). Default: the embedded PostgreSQL in the data directory."})
    String databaseUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "The user for --db-url (env BOOKSFLOW_DB_USER; default postgres).")
    String databaseUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = {
        "The password for --db-url. Prefer BOOKSFLOW_DB_PASSWORD or the config file: "
                + "other users of the machine can see command-line options."})
    String databasePassword;

    /** The settings these options, the config file and the environment make. */
    ServerConfig config(Map<String, String> env, Map<String, String> commandSettings) {
        Map<String, String> settings = new HashMap<>(commandSettings);
        Optional.ofNullable(dataDir).ifPresent(dir -> settings.put("data.dir", dir.toString()));
        Optional.ofNullable(databaseUrl).ifPresent(url -> settings.put("db.url", url));
        Optional.ofNullable(databaseUser).ifPresent(user -> settings.put("db.user", user));
        Optional.ofNullable(databasePassword).ifPresent(password -> settings.put("db.password", password));
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new CliException("There is no configuration file " + configFile.toAbsolutePath() + ".");
        }
        try {
            ServerConfig config = ServerConfig.defaults(ServerConfig.defaultDataDir(env))
                    .with(Optional.ofNullable(configFile), env)
                    .withSettings(settings);
            return config.withSettings(Map.of("data.dir", config.dataDir().toAbsolutePath().normalize().toString()));
        } catch (UncheckedIOException e) {
            throw new CliException(e.getMessage() + ": " + ErrorHandler.rootMessage(e), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The options that select the same database again, for the commands the server suggests (never the password). */
    List<String> sameDatabaseArguments(ServerConfig config) {
        List<String> arguments = new ArrayList<>();
        if (configFile != null) {
            arguments.addAll(List.of("--config", configFile.toAbsolutePath().toString()));
        }
        if (databaseUrl != null) {
            arguments.addAll(List.of("--db-url", databaseUrl));
        }
        if (databaseUser != null) {
            arguments.addAll(List.of("--db-user", databaseUser));
        }
        arguments.addAll(List.of("--data-dir", config.dataDir().toString()));
        return arguments;
    }
}
