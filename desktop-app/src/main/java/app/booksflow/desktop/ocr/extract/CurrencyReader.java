package app.booksflow.desktop.ocr.extract;

import app.booksflow.model.receipt.Extracted;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The currency of a receipt: from ISO codes and symbols printed on it ({@code $} read through the
 * client's country), else the client's own currency with a low confidence.
 */
final class CurrencyReader {

    private static final Set<String> CODES = Set.of("USD", "EUR", "GBP", "JPY", "AUD", "NZD", "CAD", "SGD", "HKD",
            "CHF", "CNY", "RMB", "INR", "SEK", "NOK", "DKK", "PLN", "CZK", "MYR", "THB", "KRW", "ZAR", "MXN");
    private static final Pattern CODE = Pattern.compile("(?<![A-Z])(" + String.join("|", CODES) + ")(?![A-Z])");
    private static final Pattern PREFIXED_DOLLAR = Pattern.compile("(?<![A-Za-z])(US|AU|A|NZ|CA|C|S|SG|HK)\\s?\\$");
    private static final Pattern DOLLAR = Pattern.compile("\\$");
    private static final Map<String, String> DOLLAR_PREFIXES = Map.of("US", "USD", "AU", "AUD", "A", "AUD", "NZ", "NZD",
            "CA", "CAD", "C", "CAD", "S", "SGD", "SG", "SGD", "HK", "HKD");
    private static final Map<String, String> DOLLAR_COUNTRIES = Map.of("US", "USD", "AU", "AUD", "NZ", "NZD", "CA", "CAD",
            "SG", "SGD", "HK", "HKD", "MX", "MXN");

    private CurrencyReader() {
    }

    static Optional<Extracted<Currency>> read(String text, Locale locale, Optional<Currency> clientCurrency) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Integer> strength = new HashMap<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            vote(votes, strength, code.group(1).equals("RMB") ? "CNY" : code.group(1), 95);
        }
        String withoutPrefixed = text;
        Matcher prefixed = PREFIXED_DOLLAR.matcher(text);
        while (prefixed.find()) {
            vote(votes, strength, DOLLAR_PREFIXES.get(prefixed.group(1)), 92);
            withoutPrefixed = withoutPrefixed.replace(prefixed.group(), " ");
        }
        count(text, "£", votes, strength, "GBP", 92);
        count(text, "€", votes, strength, "EUR", 92);
        boolean chinese = "CN".equals(locale.getCountry());
        count(text, "¥", votes, strength, chinese ? "CNY" : "JPY", 85);
        count(text, "￥", votes, strength, chinese ? "CNY" : "JPY", 85);
        count(text, "円", votes, strength, "JPY", 92);
        count(text, "元", votes, strength, "CNY", 85);
        Matcher dollar = DOLLAR.matcher(withoutPrefixed);
        String localDollar = DOLLAR_COUNTRIES.get(locale.getCountry());
        while (dollar.find()) {
            vote(votes, strength, localDollar != null ? localDollar : "USD", localDollar != null ? 85 : 60);
        }
        if (votes.isEmpty()) {
            return clientCurrency.map(currency -> Extracted.of(currency, 40));
        }
        String best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int confidence = strength.get(best);
        if (votes.size() > 1) {
            confidence -= 15;
        }
        if (clientCurrency.isPresent() && clientCurrency.get().getCurrencyCode().equals(best)) {
            confidence = Math.min(98, confidence + 3);
        }
        try {
            return Optional.of(Extracted.of(Currency.getInstance(best), confidence));
        } catch (IllegalArgumentException e) {
            return clientCurrency.map(currency -> Extracted.of(currency, 40));
        }
    }

    private static void count(String text, String symbol, Map<String, Integer> votes, Map<String, Integer> strength,
            String currency, int confidence) {
        for (int at = text.indexOf(symbol); at >= 0; at = text.indexOf(symbol, at + 1)) {
            vote(votes, strength, currency, confidence);
        }
    }

    private static void vote(Map<String, Integer> votes, Map<String, Integer> strength, String currency,
            int confidence) {
        votes.merge(currency, 1, Integer::sum);
        strength.merge(currency, confidence, Math::max);
    }

    /** The currency of the country of a locale, if it has one. */
    static Optional<Currency> ofLocale(Locale locale) {
        if (locale.getCountry().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Currency.getInstance(locale));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
