package app.booksflow.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyncServerAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://sync.example.com", "http://localhost:7070", "https://books.example.org/practice",
            "  https://sync.example.com  ", "HTTPS://Sync.Example.com", "http://192.168.1.20:8080"})
    void acceptsHttpAndHttpsAddressesWithAHost(String text) {
        assertThat(SyncServerAddress.problemWith(text)).isEmpty();
        assertThat(SyncServerAddress.parse(text).uri().getHost()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ftp://sync.example.com          | must start with https://
            sync.example.com                | must start with https://
            https://                        | not a web address
            https:///path                   | needs a server name
            file:///home/me                 | must start with https://
            https://sync.example.com/?a=1   | without ? or # parts
            https://me:secret@example.com   | user name or password
            https://exa mple.com            | not a web address
            ''                              | Enter the server address
            """)
    void explainsWhatIsWrongWithAnAddress(String text, String problem) {
        assertThat(SyncServerAddress.problemWith(text)).hasValueSatisfying(message -> assertThat(message).contains(problem));
        assertThatThrownBy(() -> SyncServerAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropsATrailingSlashSoTheSameServerIsTheSameAddress() {
        assertThat(SyncServerAddress.parse("https://sync.example.com/"))
                .isEqualTo(SyncServerAddress.parse("https://sync.example.com"));
    }
}
