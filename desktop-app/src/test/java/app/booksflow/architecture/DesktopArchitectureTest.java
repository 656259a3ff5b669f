package app.booksflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of docs/architecture.md for desktop-app: gui may use logic and model; logic knows no
 * JavaFX. The rules allow an empty match while a layer has no classes yet; they bite as soon as it has.
 */
@AnalyzeClasses(packages = "app.booksflow.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
public class DesktopArchitectureTest {

    @ArchTest
    public static final ArchRule JAVAFX_STAYS_IN_GUI = noClasses()
            .that().resideInAPackage("app.booksflow.desktop..")
            .and().resideOutsideOfPackage("app.booksflow.desktop.gui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("view models, the store, OCR and sync are tested without a screen; only gui draws")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule LOGIC_DOES_NOT_REACH_INTO_GUI = noClasses()
            .that().resideInAPackage("app.booksflow.desktop..")
            .and().resideOutsideOfPackage("app.booksflow.desktop.gui..")
            .and().doNotHaveFullyQualifiedName("app.booksflow.desktop.Main")
            .should().dependOnClassesThat().resideInAPackage("app.booksflow.desktop.gui..")
            .because("the arrows point from gui to logic, never back; only the entry point Main may start the gui")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule SERVER_ONLY_THROUGH_HOSTING = noClasses()
            .that().resideInAPackage("app.booksflow.desktop..")
            .and().resideOutsideOfPackage("app.booksflow.desktop.hosting..")
            .should().dependOnClassesThat().resideInAnyPackage("app.booksflow.server..", "io.javalin..")
            .because("the desktop talks to every server over HTTP; only the hosting package starts the embedded "
                    + "server for a small practice, and nothing else may lean on server classes")
            .allowEmptyShould(true);
}
