package app.booksflow.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BudgetsTest {

    private static final String COMPLETE = """
            dashboard.p95.ms = 50
            transaction.p95.ms = 50
            receipt-upload.p95.ms = 200
            audit-trail.p95.ms = 50
            errors.percent = 0.1
            """;

    @Test
    void theBuiltInBudgetsOfTheLongProfilesAreThePlansGoals() {
        Budgets budgets = Budgets.load("full");

        assertThat(budgets.p95Millis()).containsOnly(
                org.assertj.core.api.Assertions.entry("dashboard", 50.0),
                org.assertj.core.api.Assertions.entry("transaction", 50.0),
                org.assertj.core.api.Assertions.entry("receipt-upload", 200.0),
                org.assertj.core.api.Assertions.entry("audit-trail", 50.0));
        assertThat(budgets.errorPercent()).isEqualTo(0.1);
    }

    @Test
    void theShortProfileOfEveryBuildJudgesTheFailedShareAloneWithTheGoalsErrorBudget() {
        Budgets goals = Budgets.load("capacity");
        Budgets everyBuild = Budgets.load("short");

        assertThat(goals.judgesLatency()).isTrue();
        assertThat(everyBuild.judgesLatency()).isFalse();
        assertThat(everyBuild.p95Millis()).isEmpty();
        assertThat(everyBuild.errorPercent()).isEqualTo(goals.errorPercent());
        assertThatThrownBy(() -> everyBuild.p95Millis("dashboard")).hasMessageContaining("no p95 budget");
    }

    @Test
    void aFileWithoutAnyP95LineJudgesOnlyTheFailedShare() throws IOException {
        Budgets errorsOnly = parse("errors.percent = 0.5\n");

        assertThat(errorsOnly.judgesLatency()).isFalse();
        assertThat(errorsOnly.errorPercent()).isEqualTo(0.5);
    }

    @Test
    void theErrorBudgetIsNeverOptional() {
        assertThatThrownBy(() -> parse(COMPLETE.replace("errors.percent = 0.1\n", "")))
                .hasMessageContaining("'errors.percent' is missing");
    }

    @Test
    void aMissingLineIsNamed() {
        assertThatThrownBy(() -> parse(COMPLETE.replace("audit-trail.p95.ms = 50\n", "")))
                .hasMessageContaining("'audit-trail.p95.ms' is missing");
    }

    @Test
    void aMistypedLineIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> parse(COMPLETE + "dashbord.p95.ms = 10\n"))
                .hasMessageContaining("unknown budget lines [dashbord.p95.ms]");
    }

    @Test
    void budgetsMustBePositiveNumbers() {
        assertThatThrownBy(() -> parse(COMPLETE.replace("= 200", "= fast")))
                .hasMessageContaining("'receipt-upload.p95.ms' must be a number, not 'fast'");
        assertThatThrownBy(() -> parse(COMPLETE.replace("= 200", "= 0")))
                .hasMessageContaining("must be above zero");
        assertThatThrownBy(() -> parse(COMPLETE.replace("errors.percent = 0.1", "errors.percent = 120")))
                .hasMessageContaining("cannot exceed 100");
    }

    @Test
    void anUnknownScenarioHasNoBudget() throws IOException {
        assertThatThrownBy(() -> parse(COMPLETE).p95Millis("login"))
                .hasMessageContaining("no p95 budget for the scenario 'login'");
    }

    private static Budgets parse(String text) throws IOException {
        return Budgets.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "budgets.properties");
    }
}
