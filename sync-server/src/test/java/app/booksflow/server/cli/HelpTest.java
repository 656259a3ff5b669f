package app.booksflow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelpTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            serve          | --port --data-dir --config --db-url --db-user --db-password
            migrate        | --data-dir --config --db-url --db-user --db-password
            create-user    | --email --name --role --client --organization-name --organization --data-dir --db-url
            reset-password | --email --data-dir --db-url
            verify-audit   | --data-dir --db-url
            backup         | --to --data-dir --db-url
            restore        | --from --data-dir --db-url
            """)
    void everyCommandExplainsItsOptions(String command, String options) {
        Cli.Result help = Cli.run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: booksflow-server " + command);
        assertThat(help.out()).contains(options.split(" "));
        assertThat(help.err()).isEmpty();
    }

    @Test
    void theProgramListsItsCommands() {
        Cli.Result help = Cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("serve", "migrate", "create-user", "reset-password", "verify-audit", "backup", "restore");
    }

    @Test
    void anUnknownOptionIsAUsageErrorInOneShortAnswer() {
        Cli.Result wrong = Cli.run("create-user", "--email", "a@b.example", "--name", "A", "--role", "ADMIN",
                "--organization-name", "P", "--password", "secret123456");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("Unknown option", "'--password'", "create-user --help");
        assertThat(wrong.err().lines()).hasSizeLessThan(5);
    }
}
