package app.booksflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of docs/architecture.md for sync-server.
 */
@AnalyzeClasses(packages = "app.booksflow.server", importOptions = ImportOption.DoNotIncludeTests.class)
public class ServerArchitectureTest {

    @ArchTest
    public static final ArchRule HTTP_STAYS_IN_WEB = noClasses()
            .that().resideInAPackage("app.booksflow.server..")
            .and().resideOutsideOfPackage("app.booksflow.server.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
            .because("sync, audit and accounts are plain Java that tests and the embedded server call directly; "
                    + "only the web package speaks HTTP");

    @ArchTest
    public static final ArchRule NO_DESKTOP_OR_UI = noClasses()
            .that().resideInAPackage("app.booksflow.server..")
            .should().dependOnClassesThat().resideInAnyPackage("app.booksflow.desktop..", "javafx..", "java.awt..", "javax.swing..")
            .because("the server runs headless and shares only shared-model with the desktop");

    @ArchTest
    public static final ArchRule COMMAND_LINE_STAYS_IN_CLI = noClasses()
            .that().resideInAPackage("app.booksflow.server..")
            .and().resideOutsideOfPackage("app.booksflow.server.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "app.booksflow.server.cli..")
            .because("the server, the tests and the admin commands call the same plain services; only the cli "
                    + "package parses arguments and prints answers");

    @ArchTest
    public static final ArchRule ONLY_THE_COMMAND_LINE_PRINTS = noClasses()
            .that().resideInAPackage("app.booksflow.server..")
            .and().resideOutsideOfPackage("app.booksflow.server.cli..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("the server logs through SLF4J; standard output is the command line's answer to the admin");
}
