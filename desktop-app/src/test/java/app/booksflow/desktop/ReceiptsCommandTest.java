package app.booksflow.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.ocr.ReceiptFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ocr --json FOLDER} in a JVM of its own, as a script would run it. */
class ReceiptsCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsOneJsonLineWithTheFieldsPerFileInTheFolderAndItsSubfolders() throws Exception {
        Path receipts = Files.createDirectories(dir.resolve("receipts/march"));
        ReceiptFiles.png(receipts, "cafe.png", ReceiptFiles.RECEIPT);
        ReceiptFiles.text(dir.resolve("receipts"), "notes.jpg", "not a picture");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ocr", "--json", "--workers", "1", "--locale", "en-GB", dir.resolve("receipts").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode read = json.readTree(lines.get(0));
        JsonNode refused = json.readTree(lines.get(1));
        assertThat(read.get("file").asText()).endsWith("cafe.png");
        assertThat(read.get("kind").asText()).isEqualTo("PNG");
        assertThat(read.get("textLength").asInt()).isGreaterThan(40);
        assertThat(read.get("ms").asLong()).isPositive();
        assertThat(read.get("vendor").asText()).isEqualTo("CORNER CAFE");
        assertThat(read.get("date").asText()).isEqualTo("2025-01-15");
        assertThat(read.get("total").asText()).isEqualTo("12.34");
        assertThat(read.get("tax").isNull()).as("the receipt shows no tax").isTrue();
        assertThat(read.get("currency").asText()).as("the locale's currency when none is printed").isEqualTo("GBP");
        assertThat(read.get("confidences").get("total").asInt()).isBetween(50, 100);
        assertThat(read.get("confidences").get("currency").asInt()).isLessThan(50);
        assertThat(read.get("confidences").get("tax").isNull()).isTrue();
        assertThat(refused.get("file").asText()).endsWith("notes.jpg");
        assertThat(refused.get("refused").asText()).contains("the content is a text file");
        assertThat(process.exitValue()).as("a refused file makes the exit code 1").isEqualTo(1);
    }
}
