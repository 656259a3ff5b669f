package app.booksflow.desktop.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The base address of a practice's sync server. Only http and https with a host: anything else
 * (a bare host name, a file path, a typo in the scheme) would fail later, far from the field
 * where the accountant typed it.
 */
public record SyncServerAddress(URI uri) {

    public SyncServerAddress {
        problemWith(uri.toString()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    public static SyncServerAddress parse(String text) {
        String trimmed = text.strip();
        problemWith(trimmed).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new SyncServerAddress(URI.create(withoutTrailingSlash(trimmed)));
    }

    /** What is wrong with the text, in words for the person who typed it; empty when it is a valid address. */
    public static Optional<String> problemWith(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("Enter the server address, for example https://sync.example.com");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return Optional.of("This is not a web address: " + e.getReason().toLowerCase(Locale.ROOT));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("The address must start with https:// (or http:// on a trusted local network)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("The address needs a server name, for example https://sync.example.com");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("Enter only the server's address, without ? or # parts");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Do not put a user name or password in the address; you sign in separately");
        }
        return Optional.empty();
    }

    private static String withoutTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
