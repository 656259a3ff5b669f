package app.booksflow.desktop.gui.inbox;

import app.booksflow.desktop.gui.Amounts;
import app.booksflow.model.money.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A field of an entity's JSON in words for people: amounts in the user's format, dates in the user's
 * locale, ids of accounts, tax codes and clients by their names where the books know them, split lines
 * one after the other.
 */
final class FieldText {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z_]+");

    private final Amounts amounts;
    private final DateTimeFormatter dates;
    private final Map<String, String> names;

    /** @param names display names by id (accounts "4000 Sales", tax codes, clients) */
    FieldText(Amounts amounts, Locale locale, Map<String, String> names) {
        this.amounts = amounts;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.names = names;
    }

    /** "Bank account" for {@code bankAccount}. */
    static String label(String field) {
        StringBuilder words = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c) && !words.isEmpty()) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(words.isEmpty() ? Character.toUpperCase(c) : c);
            }
        }
        return words.toString();
    }

    String value(Optional<JsonNode> value) {
        return value.map(this::value).orElse("(none)");
    }

    String value(JsonNode node) {
        String text = plain(node);
        return text.isEmpty() ? "(empty)" : text;
    }

    private String plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isObject() && node.has("amount") && node.has("currency")) {
            try {
                return amounts.format(Money.of(node.get("amount").asText(), node.get("currency").asText()));
            } catch (RuntimeException e) {
                return node.get("amount").asText() + " " + node.get("currency").asText();
            }
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(plain(item)));
            return String.join("; ", items);
        }
        if (node.isObject()) {
            List<String> parts = new ArrayList<>();
            node.fields().forEachRemaining(entry -> {
                String part = plain(entry.getValue());
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            });
            return String.join(" ", parts);
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "Yes" : "No";
        }
        String text = node.asText();
        if (names.containsKey(text)) {
            return names.get(text);
        }
        if (DATE.matcher(text).matches()) {
            try {
                return dates.format(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        if (CONSTANT.matcher(text).matches()) {
            String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return text;
    }
}
