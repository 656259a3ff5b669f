package app.booksflow.server.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.receipt.ReceiptMediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadNamesTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(textBlock = """
            'IMG_0042.jpg',              'IMG_0042.jpg'
            'C:\\fakepath\\scan.pdf',    'scan.pdf'
            '../../etc/passwd',          'passwd'
            '  spaced.png  ',            'spaced.png'
            '',                          'receipt.png'
            'folder/',                   'receipt.png'
            '..',                        'receipt.png'
            """)
    void onlyTheLastSegmentOfTheSentNameIsKept(String sent, String kept) {
        assertThat(UploadNames.clean(sent, ReceiptMediaType.PNG)).isEqualTo(kept);
    }

    @Test
    void aLongNameIsShortenedKeepingItsExtension() {
        String cleaned = UploadNames.clean("x".repeat(400) + ".jpeg", ReceiptMediaType.JPEG);

        assertThat(cleaned).hasSize(UploadNames.MAX_LENGTH).endsWith(".jpeg");
    }

    @Test
    void controlCharactersAreDropped() {
        assertThat(UploadNames.clean("bad\r\nname\u0000.pdf", ReceiptMediaType.PDF)).isEqualTo("badname.pdf");
    }

    @Test
    void aMissingNameBecomesAGenericOne() {
        assertThat(UploadNames.clean(null, ReceiptMediaType.TIFF)).isEqualTo("receipt.tiff");
    }
}
