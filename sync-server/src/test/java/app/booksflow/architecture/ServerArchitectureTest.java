package app.booksflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of docs/architecture.md for sync-server. The rules allow an empty match while a layer has
 * no classes yet; they bite as soon as it has.
 */
@AnalyzeClasses(packages = "app.booksflow.server", importOptions = ImportOption.DoNotIncludeTests.class)
public class ServerArchitectureTest {

    @ArchTest
    public static final ArchRule HTTP_STAYS_IN_WEB = noClasses()
            .that().resideInAPackage("app.booksflow.server..")
            .and().resideOutsideOfPackage("app.booksflow.server.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
            .because("sync, audit and accounts are plain Java that tests and the embedded server call directly; "
                    + "only the web package speaks HTTP")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule NO_DESKTOP_OR_UI = noClasses()
            .that().resideInAPackage("app.booksflow.server..")
            .should().dependOnClassesThat().resideInAnyPackage("app.booksflow.desktop..", "javafx..", "java.awt..", "javax.swing..")
            .because("the server runs headless and shares only shared-model with the desktop")
            .allowEmptyShould(true);
}
