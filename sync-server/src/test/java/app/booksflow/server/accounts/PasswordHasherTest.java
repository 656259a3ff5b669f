package app.booksflow.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.server.ApiException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @Test
    void aHashMatchesItsPasswordOnly() {
        PasswordHasher hasher = new PasswordHasher(1024, 2);
        String hash = hasher.hash(PASSWORD);

        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=2,p=1$");
        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
        assertThat(hasher.matches("wrong horse battery".toCharArray(), hash)).isFalse();
    }

    @Test
    void aSignInThatGetsNoTurnInTimeIsAnsweredBusyAndTheTurnsComeBack() throws Exception {
        Semaphore turns = new Semaphore(1);
        PasswordHasher hasher = new PasswordHasher(1024, turns, Duration.ofMillis(50));
        String hash = hasher.hash(PASSWORD);
        assertThat(turns.availablePermits()).as("given back after a hash").isEqualTo(1);

        turns.acquire(); // every turn taken by sign-ins in progress
        assertThatThrownBy(() -> hasher.matches(PASSWORD, hash)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("BUSY");
            assertThat(e.getMessage()).contains("nothing was changed");
        });
        turns.release();

        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
        assertThat(turns.availablePermits()).isEqualTo(1);
    }

    @Test
    void atLeastOneHashAtATime() {
        assertThatThrownBy(() -> new PasswordHasher(1024, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PasswordHasher.defaultConcurrency()).isGreaterThanOrEqualTo(2);
    }
}
