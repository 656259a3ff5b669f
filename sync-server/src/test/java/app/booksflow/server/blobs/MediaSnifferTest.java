package app.booksflow.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.receipt.ReceiptMediaType;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaSnifferTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            ffd8ffe000104a464946,   JPEG
            89504e470d0a1a0a0000,   PNG
            49492a0008000000,       TIFF
            4d4d002a00000008,       TIFF
            255044462d312e340a,     PDF
            """)
    void receiptTypesAreKnownByTheirMagicBytes(String hex, ReceiptMediaType expected) {
        assertThat(MediaSniffer.sniff(HexFormat.of().parseHex(hex)).type()).contains(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            474946383961,                       a GIF image
            524946460000000057454250,           a WebP image
            000000186674797068656963,           a HEIC/MP4-family file
            504b0304140000000800,               a ZIP archive (or an Office document)
            546f74616c3a2031322e3530,           plain text
            5265c3a7752031322c3530e282ac,       plain text
            00010203fffe,                       an unknown binary format
            ffd8,                               an unknown binary format
            """)
    void otherFilesAreRefusedNamingWhatTheyAre(String hex, String description) {
        MediaSniffer.Sniffed sniffed = MediaSniffer.sniff(HexFormat.of().parseHex(hex));

        assertThat(sniffed.type()).isEmpty();
        assertThat(sniffed.description()).isEqualTo(description);
    }
}
