package app.booksflow.testdata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.booksflow.model.id.Uuid7;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses GENERATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.booksflow.testdata");

    @Test
    void theGeneratorBuildsOnTheDomainModelOnly() {
        ArchRule rule = classes().that().resideOutsideOfPackage("app.booksflow.testdata.receipts..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("app.booksflow.testdata..", "app.booksflow.model..", "java..")
                .because("every module's tests use the generator, so it must not drag in the server or the desktop");
        rule.check(GENERATOR);
    }

    @Test
    void labeledReceiptsAddOnlyTheImageIoAndPdfBox() {
        ArchRule rule = classes().that().resideInAPackage("app.booksflow.testdata.receipts..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("app.booksflow.testdata.receipts..", "java..", "javax.imageio..",
                        "org.apache.pdfbox..")
                .because("receipt files are drawn with Java2D, written with ImageIO and PDFBox (optional in the pom),"
                        + " and need nothing of the practice generator");
        rule.check(GENERATOR);
    }

    @Test
    void theGeneratorNeverReadsTheWallClock() {
        ArchRule rule = noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Uuid7.class, "next")
                .because("the same seed must give the same ids and dates tomorrow and on another machine");
        rule.check(GENERATOR);
    }

    @Test
    void randomnessComesOnlyFromSeededStreams() {
        ArchRule rule = noClasses().should().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().callMethod(Math.class, "random")
                .because("only the seeded L64X128MixRandom streams of Seeds make output reproducible");
        rule.check(GENERATOR);
    }

    @Test
    void transcendentalFunctionsComeFromStrictMath() {
        ArchRule rule = noClasses().should().callMethod(Math.class, "exp", double.class)
                .orShould().callMethod(Math.class, "expm1", double.class)
                .orShould().callMethod(Math.class, "log", double.class)
                .orShould().callMethod(Math.class, "log1p", double.class)
                .orShould().callMethod(Math.class, "pow", double.class, double.class)
                .orShould().callMethod(Math.class, "sin", double.class)
                .orShould().callMethod(Math.class, "cos", double.class)
                .because("Math may use CPU intrinsics that differ in the last bit, enough to round an amount"
                        + " differently on another machine; StrictMath gives the same bits everywhere");
        rule.check(GENERATOR);
    }

    @Test
    void theGeneratorWritesNothingToTheConsole() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(GENERATOR);
    }
}
