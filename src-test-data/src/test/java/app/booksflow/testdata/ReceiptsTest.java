package app.booksflow.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.id.Uuid7;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.ReceiptStatus;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReceiptsTest {

    private static final Pattern FILE_NAME =
            Pattern.compile("(receipt|invoice|scan)-(\\d{4}-\\d{2}-\\d{2})-[a-z0-9]+(-[a-z0-9]+)*\\.(jpg|png|pdf|tif)");
    private static final List<GeneratedTransaction> WITH_RECEIPTS =
            Fixtures.DEMO.transactions().filter(generated -> generated.receipt().isPresent()).toList();

    @Test
    void aboutAThirdOfExpensesComeWithAReceipt() {
        long expenses = Fixtures.DEMO.transactions().filter(GeneratedTransaction::isExpense).count();

        assertThat((double) WITH_RECEIPTS.size() / expenses).isBetween(0.30, 0.40);
    }

    @Test
    void onlyExpensesHaveReceipts() {
        assertThat(WITH_RECEIPTS).allMatch(GeneratedTransaction::isExpense);
    }

    @Test
    void completedReceiptsAreLinkedToTheirTransactionAndTheOthersWait() {
        assertThat(WITH_RECEIPTS).allSatisfy(generated -> {
            Receipt receipt = generated.receipt().orElseThrow();
            assertThat(receipt.client()).isEqualTo(generated.transaction().client());
            if (receipt.status() == ReceiptStatus.COMPLETED) {
                assertThat(receipt.transaction()).contains(generated.transaction().id());
                assertThat(receipt.fields().total().orElseThrow().value()).isEqualTo(generated.transaction().total().abs());
            } else {
                assertThat(receipt.transaction()).isEmpty();
            }
        });
    }

    @Test
    void mostReceiptsAreReadAndSomeWaitForReviewOrOcr() {
        Map<ReceiptStatus, Long> byStatus = WITH_RECEIPTS.stream()
                .collect(Collectors.groupingBy(generated -> generated.receipt().orElseThrow().status(),
                        Collectors.counting()));

        assertThat(byStatus.get(ReceiptStatus.COMPLETED)).isGreaterThan(WITH_RECEIPTS.size() * 8L / 10);
        assertThat(byStatus).containsKeys(ReceiptStatus.PENDING, ReceiptStatus.NEEDS_REVIEW, ReceiptStatus.FAILED);
    }

    @Test
    void reviewReceiptsHaveALowConfidenceField() {
        assertThat(WITH_RECEIPTS).map(generated -> generated.receipt().orElseThrow())
                .filteredOn(receipt -> receipt.status() == ReceiptStatus.NEEDS_REVIEW)
                .allSatisfy(receipt -> assertThat(receipt.fields().lowestConfidence().orElseThrow().percent())
                        .isLessThan(70));
    }

    @Test
    void filesAreNamedAfterTheDateAndVendorWithAMatchingType() {
        assertThat(WITH_RECEIPTS).allSatisfy(generated -> {
            Receipt receipt = generated.receipt().orElseThrow();
            Matcher name = FILE_NAME.matcher(receipt.file().originalName());
            assertThat(name.matches()).as(receipt.file().originalName()).isTrue();
            assertThat(name.group(2)).isEqualTo(generated.transaction().date().toString());
            assertThat(receipt.file().mediaType()).isEqualTo(typeOf(name.group(4)));
            assertThat(receipt.file().size()).isPositive();
        });
    }

    @Test
    void receiptsArriveAfterThePurchaseButWithinThePeriod() {
        assertThat(WITH_RECEIPTS).allSatisfy(generated -> {
            Receipt receipt = generated.receipt().orElseThrow();
            Country country = Fixtures.DEMO.client(receipt.client()).orElseThrow().country();
            assertThat(receipt.receivedAt().atOffset(country.offset()).toLocalDate())
                    .isBeforeOrEqualTo(PracticeSpec.demo().to());
            assertThat(receipt.receivedAt()).isAfter(Uuid7.timestampOf(generated.transaction().id().value()));
        });
    }

    @Test
    void receiptIdsCarryTheTimeTheyArrived() {
        assertThat(WITH_RECEIPTS).map(generated -> generated.receipt().orElseThrow()).allSatisfy(receipt ->
                assertThat(Uuid7.timestampOf(receipt.id().value())).isEqualTo(receipt.receivedAt()));
    }

    @Test
    void everyReceiptFileHasItsOwnHash() {
        assertThat(WITH_RECEIPTS).extracting(generated -> generated.receipt().orElseThrow().file().sha256())
                .doesNotHaveDuplicates();
    }

    private static ReceiptMediaType typeOf(String extension) {
        return switch (extension) {
            case "jpg" -> ReceiptMediaType.JPEG;
            case "png" -> ReceiptMediaType.PNG;
            case "tif" -> ReceiptMediaType.TIFF;
            default -> ReceiptMediaType.PDF;
        };
    }
}
