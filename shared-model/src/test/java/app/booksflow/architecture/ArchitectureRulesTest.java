package app.booksflow.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.archfixture.UsesOnlyJdkAndJackson;
import app.booksflow.archfixture.UsesALibrary;
import app.booksflow.model.archfixture.DomainUsingJackson;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The architecture rules themselves: each must fail on a class that breaks it, or it proves nothing. */
class ArchitectureRulesTest {

    private final ClassFileImporter importer = new ClassFileImporter();

    @Test
    void sharedModelRuleFailsOnAClassThatUsesALibraryOutsideTheJdkAndJackson() {
        JavaClasses offender = importer.importClasses(UsesALibrary.class);

        assertThatThrownBy(() -> SharedModelArchitectureTest.ONLY_JDK_AND_JACKSON.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesALibrary.class.getName())
                .hasMessageContaining("org.junit.platform.commons.util.StringUtils");
    }

    @Test
    void sharedModelRulePassesOnAClassThatUsesOnlyTheJdkAndJackson() {
        JavaClasses clean = importer.importClasses(UsesOnlyJdkAndJackson.class);

        assertThatCode(() -> SharedModelArchitectureTest.ONLY_JDK_AND_JACKSON.check(clean)).doesNotThrowAnyException();
    }

    @Test
    void domainRuleFailsOnADomainClassThatUsesJackson() {
        JavaClasses offender = importer.importClasses(DomainUsingJackson.class);

        assertThatThrownBy(() -> SharedModelArchitectureTest.DOMAIN_IS_PLAIN_JAVA.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.fasterxml.jackson");
    }
}
