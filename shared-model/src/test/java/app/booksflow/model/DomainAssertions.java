package app.booksflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a rule of the books refused a value, for the expected reason. */
public final class DomainAssertions {

    private DomainAssertions() {
    }

    public static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(ThrowingCallable call, DomainError error) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo(error));
    }
}
