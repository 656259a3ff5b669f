package app.booksflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md for src-test-data. */
@AnalyzeClasses(packages = "app.booksflow.testdata", importOptions = ImportOption.DoNotIncludeTests.class)
public class TestDataArchitectureTest {

    @ArchTest
    public static final ArchRule KNOWS_ONLY_THE_SHARED_MODEL = classes()
            .that().resideInAPackage("app.booksflow.testdata..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                    "app.booksflow.model..", "app.booksflow.protocol..", "app.booksflow.json..", "app.booksflow.testdata..")
            .because("the desktop's and the server's tests both draw on the generators, so they must not depend "
                    + "on either application");
}
