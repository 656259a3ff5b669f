package app.booksflow.testdata.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptLabeledSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheFilesAndOneLabelLinePerReceiptInIndexOrder(@TempDir Path folder) throws IOException {
        List<ReceiptTruth> truths = LabeledReceipts.write(folder, 24, 99);
        List<String> lines = Files.readAllLines(folder.resolve(LabeledReceipts.LABELS));

        assertThat(lines).hasSize(24);
        for (int index = 0; index < lines.size(); index++) {
            JsonNode label = JSON.readTree(lines.get(index));
            ReceiptTruth truth = truths.get(index);

            assertThat(label.get("file").asText()).isEqualTo(truth.file()).startsWith(String.format("receipt-%05d", index));
            assertThat(folder.resolve(truth.file())).isNotEmptyFile();
            assertThat(label.get("vendor").asText()).isEqualTo(truth.vendor());
            assertThat(label.get("date").asText()).isEqualTo(truth.date().toString());
            assertThat(new BigDecimal(label.get("total").asText())).isEqualTo(truth.total());
            assertThat(new BigDecimal(label.get("tax").asText())).isEqualTo(truth.tax());
            assertThat(label.get("currency").asText()).hasSize(3);
            assertThat(label.get("country").asText()).isEqualTo(truth.country().isoCode());
            assertThat(label.get("layout").asText()).isEqualTo(truth.layout().name().toLowerCase());
            assertThat(label.get("format").asText()).isEqualTo(truth.format().name().toLowerCase());
            assertThat(label.get("degradations").isArray()).isTrue();
            assertThat(label.get("degradations")).hasSize(truth.degradations().size());
            assertThat(label.get("heavy").isBoolean()).isTrue();
            assertThat(lines.get(index)).isEqualTo(ReceiptGenerator.generate(99, index).truth().toJson());
            assertAddsUp(truth);
        }
    }

    /** The cross-checks an extractor may make hold for every labeled receipt. */
    private static void assertAddsUp(ReceiptTruth truth) {
        BigDecimal charged = truth.subtotal().add(truth.serviceCharge());
        if (truth.taxIncluded()) {
            assertThat(charged).as(truth.file()).isEqualTo(truth.total());
            assertThat(truth.tax()).as(truth.file()).isLessThan(truth.total());
        } else {
            assertThat(charged.add(truth.tax()).add(truth.tip())).as(truth.file()).isEqualTo(truth.total());
        }
        if (truth.cash().signum() > 0) {
            assertThat(truth.cash().subtract(truth.change())).as(truth.file()).isEqualTo(truth.total());
        }
        assertThat(truth.total().scale()).isEqualTo(truth.country().decimals());
    }

    @Test
    void theSetIsTheSameWhateverTheThreads(@TempDir Path first, @TempDir Path second) throws IOException {
        LabeledReceipts.write(first, 12, 5);
        LabeledReceipts.write(second, 12, 5);

        assertThat(digests(second)).isEqualTo(digests(first)).hasSize(13);
    }

    @Test
    void labelsEscapeTextForJson() throws IOException {
        ReceiptTruth truth = ReceiptGenerator.generate(1, 0).truth();
        ReceiptTruth quoted = new ReceiptTruth(truth.index(), truth.file(), "Tom's \"Best\" \\ Diner", truth.date(),
                truth.datePattern(), truth.dateText(), truth.total(), truth.tax(), truth.subtotal(), truth.serviceCharge(),
                truth.tip(), truth.taxIncluded(), truth.taxRate(), truth.cash(), truth.change(), truth.totalText(),
                truth.currency(), truth.country(), truth.layout(), truth.font(), truth.degradations(), truth.heavy(),
                truth.format(), truth.pages(), truth.dpi(), truth.width(), truth.height());

        assertThat(JSON.readTree(quoted.toJson()).get("vendor").asText()).isEqualTo("Tom's \"Best\" \\ Diner");
    }

    @Test
    void theCommandLineWritesASet(@TempDir Path folder) throws IOException {
        LabeledReceipts.main(new String[] {folder.toString(), "3", "11", "CLEAN"});

        List<String> lines = Files.readAllLines(folder.resolve(LabeledReceipts.LABELS));
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"degradations\":[]"));
    }

    private static Map<String, String> digests(Path folder) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                digests.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
