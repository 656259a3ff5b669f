package app.booksflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md for shared-model. */
@AnalyzeClasses(packages = "app.booksflow", importOptions = ImportOption.DoNotIncludeTests.class)
public class SharedModelArchitectureTest {

    @ArchTest
    public static final ArchRule ONLY_JDK_AND_JACKSON = classes()
            .that().resideInAPackage("app.booksflow..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..", "app.booksflow..")
            .because("the shared model runs inside both the desktop app and the server: every library it uses "
                    + "becomes a dependency of both");

    @ArchTest
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes()
            .that().resideInAPackage("app.booksflow.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "app.booksflow.model..")
            .because("the domain knows neither JSON nor the sync protocol; json.DomainModule maps its value types");

    @ArchTest
    public static final ArchRule PROTOCOL_DOES_NOT_PICK_THE_MAPPER = noClasses()
            .that().resideInAPackage("app.booksflow.protocol..")
            .should().dependOnClassesThat().resideInAPackage("app.booksflow.json..")
            .because("protocol messages are plain records; how they are mapped is configured in one place");

    @ArchTest
    public static final ArchRule DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("app.booksflow.model.(*)..")
            .should().beFreeOfCycles();
}
