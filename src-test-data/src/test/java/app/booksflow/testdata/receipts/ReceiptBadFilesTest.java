package app.booksflow.testdata.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.testdata.receipts.BadReceipts.BadReceipt;
import app.booksflow.testdata.receipts.BadReceipts.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptBadFilesTest {

    @TempDir
    static Path folder;
    private static Map<Kind, Path> files;

    @BeforeAll
    static void writeThem() throws IOException {
        files = BadReceipts.write(folder).stream().collect(Collectors.toMap(BadReceipt::kind, BadReceipt::file));
    }

    @Test
    void everyKindIsWrittenUnderItsOwnName() throws IOException {
        assertThat(files).containsOnlyKeys(Kind.values());
        assertThat(files.values().stream().map(Path::getFileName).distinct()).hasSize(Kind.values().length);
        assertThat(Files.size(files.get(Kind.ZERO_BYTE))).isZero();
    }

    @Test
    void aJpegCutInItsHeaderCannotBeDecoded() {
        assertThatThrownBy(() -> ImageIO.read(files.get(Kind.TRUNCATED_JPEG).toFile())).isInstanceOf(IIOException.class);
    }

    @Test
    void aJpegCutInItsDataDecodesWithAWarning() throws IOException {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(files.get(Kind.TRUNCATED_JPEG_DATA).toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
            reader.setInput(in);
            reader.read(0);
            reader.dispose();
        }
        assertThat(warnings).anyMatch(warning -> warning.toLowerCase().contains("premature end"));
    }

    @Test
    void aTruncatedPngCannotBeDecoded() {
        assertThatThrownBy(() -> ImageIO.read(files.get(Kind.TRUNCATED_PNG).toFile())).isInstanceOf(IOException.class);
    }

    @Test
    void aTextFileNamedJpgIsNoPicture() throws IOException {
        Path file = files.get(Kind.TEXT_AS_JPEG);

        assertThat(file.getFileName().toString()).endsWith(".jpg");
        assertThat(ImageIO.read(file.toFile())).isNull();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("not a picture");
    }

    @Test
    void aProtectedPdfNeedsItsPassword() throws IOException {
        Path file = files.get(Kind.PASSWORD_PDF);

        assertThatThrownBy(() -> Loader.loadPDF(file.toFile()).close()).isInstanceOf(InvalidPasswordException.class);
        try (PDDocument document = Loader.loadPDF(file.toFile(), BadReceipts.PASSWORD)) {
            assertThat(document.isEncrypted()).isTrue();
            assertThat(new PDFTextStripper().getText(document)).isNotBlank();
        }
    }

    @Test
    void aCorruptPdfCannotBeParsed() {
        assertThatThrownBy(() -> Loader.loadPDF(files.get(Kind.CORRUPT_PDF).toFile()).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void theOversizeFileIsLargerThanAnyLimitButStartsLikeAJpeg() throws IOException {
        Path file = files.get(Kind.OVERSIZE);

        assertThat(Files.size(file)).isEqualTo(BadReceipts.OVERSIZE_BYTES).isGreaterThan(100L * 1024 * 1024);
        byte[] head = new byte[3];
        try (var in = Files.newInputStream(file)) {
            assertThat(in.read(head)).isEqualTo(3);
        }
        assertThat(head).containsExactly(0xFF, 0xD8, 0xFF);
    }

    @Test
    void thePixelBombClaimsGigapixelsInItsHeader() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(files.get(Kind.PIXEL_BOMB).toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);

            assertThat(reader.getFormatName()).isEqualToIgnoringCase("png");
            assertThat((long) reader.getWidth(0) * reader.getHeight(0)).isGreaterThan(1_000_000_000L);
            reader.dispose();
        }
        assertThat(Files.size(files.get(Kind.PIXEL_BOMB))).isLessThan(10_000);
    }

    @Test
    void unsupportedFormatsAreRealGifAndZipFiles() throws IOException {
        Function<Path, String> head = file -> {
            try {
                return new String(Files.readAllBytes(file), 0, 4, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThat(head.apply(files.get(Kind.UNSUPPORTED_GIF))).isEqualTo("GIF8");
        assertThat(ImageIO.read(files.get(Kind.UNSUPPORTED_GIF).toFile())).isNotNull();
        try (ZipFile zip = new ZipFile(files.get(Kind.UNSUPPORTED_DOCX).toFile())) {
            assertThat(zip.getEntry("word/document.xml")).isNotNull();
        }
    }
}
