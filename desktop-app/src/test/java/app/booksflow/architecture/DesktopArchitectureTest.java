package app.booksflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of docs/architecture.md for desktop-app: gui may use logic and model; logic knows no
 * JavaFX; below gui, ledger -> dashboard -> audit -> store, with demo beside ledger. The rules allow an
 * empty match while a layer has no classes yet; they bite as soon as it has.
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

    @ArchTest
    public static final ArchRule TEST_DATA_ONLY_IN_DEMO = noClasses()
            .that().resideInAPackage("app.booksflow.desktop..")
            .and().resideOutsideOfPackage("app.booksflow.desktop.demo..")
            .should().dependOnClassesThat().resideInAPackage("app.booksflow.testdata..")
            .because("the generator ships only to fill the demo practice on a first run; real books never come from it");

    @ArchTest
    public static final ArchRule NO_CYCLES_BETWEEN_FEATURES = slices()
            .matching("app.booksflow.desktop.(*)..")
            .should().beFreeOfCycles()
            .because("each package can then be understood, tested and replaced from the bottom up");

    @ArchTest
    public static final ArchRule STORE_IS_THE_BOTTOM = noClasses()
            .that().resideInAPackage("app.booksflow.desktop.store..")
            .should().dependOnClassesThat().resideInAnyPackage("app.booksflow.desktop.ledger..",
                    "app.booksflow.desktop.dashboard..", "app.booksflow.desktop.audit..", "app.booksflow.desktop.demo..")
            .because("the store knows the schema and the domain, not the rules built on them");

    @ArchTest
    public static final ArchRule DASHBOARDS_DO_NOT_CALL_THE_LEDGER = noClasses()
            .that().resideInAnyPackage("app.booksflow.desktop.dashboard..", "app.booksflow.desktop.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("app.booksflow.desktop.ledger..",
                    "app.booksflow.desktop.demo..")
            .because("the ledger moves the dashboards and writes the audit trail inside its own transaction; "
                    + "the arrow only points that way");

    @ArchTest
    public static final ArchRule DATABASE_SET_UP_ONLY_IN_STORE = noClasses()
            .that().resideInAPackage("app.booksflow.desktop..")
            .and().resideOutsideOfPackage("app.booksflow.desktop.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "com.zaxxer.hikari..", "org.flywaydb..")
            .because("one class opens the database, locks the folder and migrates the schema; the rest use its sessions")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule SCREENS_DO_NOT_TOUCH_THE_DATABASE = noClasses()
            .that().resideInAPackage("app.booksflow.desktop.gui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..", "java.sql..",
                    "app.booksflow.desktop.store.entity..")
            .because("view models call services, which keep every write in one transaction with its audit event and "
                    + "dashboard rows")
            .allowEmptyShould(true);
}
