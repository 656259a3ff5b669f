package app.booksflow.testdata;

import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.User;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/** Practices shared by the test classes (generating is deterministic, so one copy serves all) and their fingerprint. */
final class Fixtures {

    static final GeneratedPractice DEMO = PracticeGenerator.generate(PracticeSpec.demo());
    /** Cheap to hold: the million transactions are only generated if a test streams them. */
    static final GeneratedPractice LARGE = PracticeGenerator.generate(PracticeSpec.large());

    private Fixtures() {
    }

    /**
     * A SHA-256 over everything a practice holds, transactions and receipts included. Written out field
     * by field rather than through the records' toString, whose format the JDK does not promise to keep.
     */
    static String fingerprint(GeneratedPractice practice) {
        MessageDigest digest = sha256();
        line(digest, practice.organization().id(), practice.organization().name());
        for (User user : practice.users()) {
            line(digest, user.id(), user.organization(), user.email(), user.displayName(), user.role(), text(user.client()));
        }
        practice.assignments().forEach(assignment -> line(digest, assignment.accountant(), assignment.client()));
        for (GeneratedClient generated : practice.clients()) {
            Client client = generated.client();
            line(digest, client.id(), client.organization(), client.name(), client.baseCurrency(),
                    client.fiscalYearStart(), text(client.closingDate()));
            for (Account account : generated.chart().accounts()) {
                line(digest, account.id(), account.client(), account.code(), account.name(), account.type());
            }
            for (TaxCode code : generated.taxCodes()) {
                line(digest, code.id(), code.client(), code.code(), code.name(), code.rate().percent().toPlainString(),
                        code.taxAccount());
            }
        }
        practice.transactions().forEach(generated -> {
            transaction(digest, generated.transaction());
            generated.receipt().ifPresent(receipt -> receipt(digest, receipt));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void transaction(MessageDigest digest, Transaction transaction) {
        line(digest, transaction.id(), transaction.client(), transaction.date(), transaction.payee(), transaction.memo(),
                transaction.bankAccount(), money(transaction.total()), transaction.status());
        for (Split split : transaction.splits()) {
            line(digest, split.account(), money(split.amount()), text(split.taxCode()), split.memo());
        }
    }

    private static void receipt(MessageDigest digest, Receipt receipt) {
        line(digest, receipt.id(), receipt.client(), receipt.file().sha256().hex(), receipt.file().originalName(),
                receipt.file().mediaType(), receipt.file().size(), receipt.status(), text(receipt.failureReason()),
                text(receipt.transaction()), receipt.receivedAt().toEpochMilli());
        ExtractedFields fields = receipt.fields();
        line(digest, extracted(fields.vendor(), Function.identity()), extracted(fields.date(), Object::toString),
                extracted(fields.total(), Fixtures::money), extracted(fields.tax(), Fixtures::money),
                extracted(fields.currency(), Object::toString));
    }

    private static <T> String extracted(Optional<Extracted<T>> field, Function<T, String> format) {
        return field.map(found -> format.apply(found.value()) + "@" + found.confidence().percent()).orElse("");
    }

    private static String money(Money money) {
        return money.minorUnits() + " " + money.currency().getCurrencyCode();
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse("");
    }

    private static void line(MessageDigest digest, Object... fields) {
        StringBuilder line = new StringBuilder();
        for (Object field : fields) {
            line.append(field).append('\t');
        }
        digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
