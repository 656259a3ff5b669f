package app.booksflow.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub workflows, which cannot run here: checked against GitHub's schema for workflow files by
 * action-validator (from the npm registry) and read for what the pipeline promises: the same gate as
 * {@code .ci/run}, a smoke check after installing on every system, actions pinned to a version and
 * only documented secrets.
 */
class WorkflowsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String VALIDATOR = "@action-validator/cli@0.6.0";

    @TempDir
    Path dir;

    @Test
    void everyJobRunsSomewhereAndEveryActionIsPinned() throws IOException {
        for (Path file : workflows()) {
            JsonNode workflow = YAML.readTree(file.toFile());
            assertThat(workflow.has("on")).as(file + " says when it runs").isTrue();
            assertThat(workflow.path("permissions").path("contents").asText()).as(file + ": read-only by default")
                    .isEqualTo("read");
            workflow.path("jobs").properties().forEach(job -> {
                JsonNode body = job.getValue();
                assertThat(body.has("runs-on")).as(file + " " + job.getKey() + " runs-on").isTrue();
                assertThat(body.path("timeout-minutes").asInt()).as(file + " " + job.getKey() + " has a time limit")
                        .isPositive();
                for (JsonNode step : body.path("steps")) {
                    if (step.has("uses")) {
                        assertThat(step.get("uses").asText()).as(file + " " + job.getKey())
                                .matches("[\\w.-]+/[\\w.-]+@(v\\d+(\\.\\d+)*|[0-9a-f]{40})");
                    }
                }
            });
        }
    }

    @Test
    void theCiWorkflowRunsTheGateAndSmokeChecksEveryInstaller() throws IOException {
        JsonNode ci = YAML.readTree(WORKFLOWS.resolve("ci.yml").toFile());

        assertThat(runs(ci.path("jobs").path("verify"))).contains("bash .ci/run");
        assertThat(runs(ci.path("jobs").path("load-budgets"))).as("the goals judge a full load run")
                .contains("gatling:test -Dload.profile=full").doesNotContain("load.budgets");
        for (String workflow : List.of("ci.yml", "release.yml")) {
            JsonNode jobs = YAML.readTree(WORKFLOWS.resolve(workflow).toFile()).path("jobs");
            JsonNode installers = jobs.path(workflow.equals("ci.yml") ? "installers" : "desktop");
            List<String> systems = installers.path("strategy").path("matrix").path("include").findValuesAsText("os");
            assertThat(systems).as(workflow).anyMatch(os -> os.startsWith("ubuntu"))
                    .anyMatch(os -> os.startsWith("windows")).anyMatch(os -> os.startsWith("macos"));
            String steps = runs(installers);
            assertThat(steps).as(workflow).contains("/opt/booksflow/bin/BooksFlow --smoke")
                    .contains("BooksFlowConsole.exe").contains("BooksFlow.app/Contents/MacOS/BooksFlow\" --smoke")
                    .contains("-pl installer -am package");
        }
        String release = Files.readString(WORKFLOWS.resolve("release.yml"));
        assertThat(release).contains("signtool").contains("notarytool submit").contains("stapler staple");
    }

    @Test
    void everySecretUsedIsDocumented() throws IOException {
        String documented = Files.readString(ROOT.resolve("docs/RELEASING.md"));
        Set<String> used = new TreeSet<>();
        for (Path file : workflows()) {
            Matcher secret = Pattern.compile("secrets\\.(\\w+)").matcher(Files.readString(file));
            while (secret.find()) {
                used.add(secret.group(1));
            }
        }
        assertThat(used).isNotEmpty();
        for (String secret : used) {
            assertThat(documented).as("docs/RELEASING.md names " + secret).contains("`" + secret + "`");
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theSchemaCheckPassesTheWorkflowsAndCatchesABrokenOne() throws Exception {
        assumeTrue(onPath("npx"), "no Node.js here (Debian: apt-get install nodejs npm); the schema check needs it");
        Path broken = Files.writeString(dir.resolve("broken.yml"), """
                name: broken
                on: push
                jobs:
                  build:
                    runs-onn: ubuntu-24.04
                    steps:
                      - run: echo hi
                """);

        for (Path file : workflows()) {
            Result result = validate(file);
            assertThat(result.exit()).as(file + ": " + result.output()).isZero();
        }
        Result rejected = validate(broken);
        assertThat(rejected.exit()).as(rejected.output()).isNotZero();
        assertThat(rejected.output()).contains("runs-onn");
    }

    private record Result(int exit, String output) {
    }

    private Result validate(Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of("npx", "--yes", "--prefer-offline", VALIDATOR, file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Every shell line of a job's steps, joined. */
    private static String runs(JsonNode job) {
        List<String> lines = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            lines.add(step.path("run").asText());
        }
        return String.join("\n", lines);
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            List<Path> found = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
            assertThat(found).as("workflow files in " + WORKFLOWS).isNotEmpty();
            return found;
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(folder -> !folder.isBlank() && Files.isExecutable(Path.of(folder, program)));
    }
}
