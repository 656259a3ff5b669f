package app.booksflow.desktop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a labeled set as the receipt generator of src-test-data writes it: the files and
 * {@code labels.jsonl}, one JSON object per receipt (file, vendor, date, total, tax, currency, country,
 * layout, degradations, format...).
 */
public final class LabelsFile {

    public static final String NAME = "labels.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelsFile() {
    }

    public static List<LabeledReceipt> read(Path folder) throws IOException {
        List<LabeledReceipt> receipts = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(NAME))) {
            if (!line.isBlank()) {
                receipts.add(receipt(folder, JSON.readTree(line)));
            }
        }
        return receipts;
    }

    static LabeledReceipt receipt(Path folder, JsonNode label) {
        String country = label.path("country").asText("-");
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("country", country);
        groups.put("layout", label.path("layout").asText("-"));
        groups.put("format", label.path("format").asText("-"));
        List<String> degradations = new ArrayList<>();
        label.path("degradations").forEach(step -> degradations.add(step.asText()));
        groups.put("degradation", degradations.isEmpty() ? "none" : String.join("+", degradations));
        groups.put("heavy", label.path("heavy").asBoolean(false) ? "heavy" : "not heavy");
        BigDecimal tax = new BigDecimal(label.path("tax").asText("0"));
        return new LabeledReceipt(folder.resolve(label.path("file").asText()), groups, locale(country),
                label.path("vendor").asText(), LocalDate.parse(label.path("date").asText()),
                new BigDecimal(label.path("total").asText()), tax.signum() == 0 ? Optional.empty() : Optional.of(tax),
                Currency.getInstance(label.path("currency").asText()), label.path("dateText").asText(""),
                label.path("totalText").asText(""));
    }

    /** The locale an accountant's client in that country has: it decides how 03/04/2025 reads. */
    static Locale locale(String country) {
        return switch (country) {
            case "US" -> Locale.US;
            case "GB", "UK" -> Locale.UK;
            case "DE" -> Locale.GERMANY;
            case "FR" -> Locale.FRANCE;
            case "JP" -> Locale.JAPAN;
            default -> Locale.of("en", country);
        };
    }
}
