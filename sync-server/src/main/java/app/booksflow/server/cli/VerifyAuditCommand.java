package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.audit.AuditVerifier;
import app.booksflow.server.audit.AuditVerifier.Report;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = {"Checks every practice's audit trail against its hash chain: rows changed, removed or reordered "
                + "after they were written show up here.",
            "Exit code 0 when every chain is intact, 1 otherwise."})
final class VerifyAuditCommand implements Callable<Integer> {

    @ParentCommand
    ServerCli cli;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws SQLException {
        ServerConfig config = database.config(cli.terminal().env(), Map.of());
        Map<Report, String> reports = new LinkedHashMap<>();
        try (OpenDatabase db = OpenDatabase.open(config, 2, OpenDatabase.Sharing.SHARED)) {
            Schema.requirePresent(db.dataSource());
            try (Connection connection = db.dataSource().getConnection()) {
                // One snapshot: rows appended while the check runs must not look like a broken head.
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                List<Report> checked = new AuditVerifier().verifyAll(connection);
                for (Report report : checked) {
                    reports.put(report, Accounts.practiceName(connection, report.organization().value()).orElse("?"));
                }
                connection.commit();
            }
        }
        return print(cli.terminal().out(), reports);
    }

    private static int print(PrintWriter out, Map<Report, String> reports) {
        long broken = reports.keySet().stream().filter(report -> !report.intact()).count();
        reports.forEach((report, name) -> {
            out.printf("%s (%s): %d audit rows, %s%n", name, report.organization(), report.rows(),
                    report.intact() ? "chain intact." : report.problems().size() + " problem(s):");
            report.problems().forEach(problem -> out.println("  - " + problem));
        });
        if (reports.isEmpty()) {
            out.println("There is no practice yet, so no audit trail to check.");
        } else if (broken == 0) {
            out.printf("Every audit chain is intact (%s).%n", practices(reports.size()));
        } else {
            out.printf("%d of %d audit chains are broken: see the rows above.%n", broken, reports.size());
        }
        return broken == 0 ? 0 : ServerCli.FAILED;
    }

    static String practices(long count) {
        return count + (count == 1 ? " practice" : " practices");
    }
}
