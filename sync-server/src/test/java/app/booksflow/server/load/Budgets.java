package app.booksflow.server.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The budgets of a load run: the p95 each scenario may take and the share of requests that may fail.
 * Read from a properties file that names either every scenario's p95 or none: without them only the
 * failed share is judged (the short profile of every build, whose timings a busy shared machine
 * decides). A partial set, an unknown line or a non-positive value is an error that names the line,
 * so a typo cannot silently drop a budget.
 */
public record Budgets(Map<String, Double> p95Millis, double errorPercent) {

    public static final List<String> SCENARIOS = List.of("dashboard", "transaction", "receipt-upload", "audit-trail");
    static final String GOALS = "/load/budgets.properties";
    static final String SHORT = "/load/budgets-short.properties";

    private static final String P95 = ".p95.ms";
    private static final String ERRORS = "errors.percent";

    public Budgets {
        p95Millis = Map.copyOf(p95Millis);
    }

    /** True when the file set p95 budgets; false when only the failed share is judged. */
    public boolean judgesLatency() {
        return !p95Millis.isEmpty();
    }

    public double p95Millis(String scenario) {
        Double budget = p95Millis.get(scenario);
        if (budget == null) {
            throw new IllegalArgumentException("There is no p95 budget for the scenario '" + scenario + "'.");
        }
        return budget;
    }

    /**
     * The file named by {@code -Dload.budgets}, else the built-in one for the profile: for the short
     * profile of every build the failed share alone, for every other profile the goals.
     */
    public static Budgets load(String profile) {
        String file = System.getProperty("load.budgets");
        if (file != null && !file.isBlank()) {
            return read(Path.of(file));
        }
        return builtIn(profile.equalsIgnoreCase("short") ? SHORT : GOALS);
    }

    static Budgets builtIn(String resource) {
        try (InputStream in = Budgets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The budgets file " + resource + " is not on the class path.");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Budgets read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the budgets file " + file, e);
        }
    }

    static Budgets parse(InputStream in, String source) throws IOException {
        Properties lines = new Properties();
        lines.load(in);
        TreeSet<String> unknown = new TreeSet<>(lines.stringPropertyNames());
        Map<String, Double> p95 = new LinkedHashMap<>();
        boolean anyP95 = SCENARIOS.stream().anyMatch(scenario -> lines.containsKey(scenario + P95));
        for (String scenario : anyP95 ? SCENARIOS : List.<String>of()) {
            p95.put(scenario, positive(lines, scenario + P95, source));
            unknown.remove(scenario + P95);
        }
        double errors = positive(lines, ERRORS, source);
        unknown.remove(ERRORS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(source + ": unknown budget lines " + unknown + "; the scenarios are "
                    + SCENARIOS + ".");
        }
        if (errors > 100) {
            throw new IllegalArgumentException(source + ": " + ERRORS + " is a percentage and cannot exceed 100.");
        }
        return new Budgets(p95, errors);
    }

    private static double positive(Properties lines, String key, String source) {
        String text = lines.getProperty(key);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(source + ": the budget line '" + key + "' is missing.");
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a number, not '" + text.strip() + "'.");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be above zero, not " + text.strip() + ".");
        }
        return value;
    }
}
