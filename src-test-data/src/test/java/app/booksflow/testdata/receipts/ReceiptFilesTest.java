package app.booksflow.testdata.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReceiptFilesTest {

    private static final long SEED = 7;
    private static final ReceiptOptions CLEAN_TILL = ReceiptOptions.REALISTIC.withLayout(Layout.TILL)
            .withCountry(ReceiptCountry.UNITED_KINGDOM).withDegradations();

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"PNG", "JPEG", "TIFF"})
    void picturesDecodeAtTheSizeOfTheTruth(FileFormat format) throws IOException {
        for (int index = 0; index < 4; index++) {
            LabeledReceipt receipt = ReceiptGenerator.generate(SEED, index,
                    ReceiptOptions.REALISTIC.withFormat(format).withMix(DegradationMix.STRESS));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(receipt.bytes()));

            assertThat(image).as(receipt.truth().toJson()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(receipt.truth().width());
            assertThat(image.getHeight()).isEqualTo(receipt.truth().height());
        }
    }

    @Test
    void cleanPicturesHaveTheResolutionOfAScan() throws IOException {
        ReceiptTruth truth = ReceiptGenerator.generate(SEED, 0, CLEAN_TILL.withFormat(FileFormat.PNG)).truth();

        assertThat(truth.dpi()).isBetween(200, 300);
        assertThat(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains(truth.font().family());
        // An 80 or 58 mm slip, or wider when a line needs it: never less than 58 mm at the resolution.
        assertThat(truth.width()).isGreaterThanOrEqualTo((int) (58 / 25.4 * truth.dpi()));
        assertThat(truth.height()).isGreaterThan(truth.width());
    }

    @Test
    void quarterTurnsTurnEveryPixel() throws IOException {
        Raster upright = png(CLEAN_TILL);
        Raster quarter = png(CLEAN_TILL.withDegradations(Degradation.ROTATE_90));
        Raster half = png(CLEAN_TILL.withDegradations(Degradation.ROTATE_180));
        Raster threeQuarters = png(CLEAN_TILL.withDegradations(Degradation.ROTATE_270));
        int w = upright.getWidth();
        int h = upright.getHeight();

        assertThat(quarter.getWidth()).isEqualTo(h);
        assertThat(quarter.getHeight()).isEqualTo(w);
        assertThat(half.getWidth()).isEqualTo(w);
        assertThat(threeQuarters.getWidth()).isEqualTo(h);
        int differences = 0;
        for (int y = 0; y < h; y += 3) {
            for (int x = 0; x < w; x += 3) {
                int v = upright.getSample(x, y, 0);
                differences += v != quarter.getSample(h - 1 - y, x, 0) ? 1 : 0;
                differences += v != half.getSample(w - 1 - x, h - 1 - y, 0) ? 1 : 0;
                differences += v != threeQuarters.getSample(y, w - 1 - x, 0) ? 1 : 0;
            }
        }
        assertThat(differences).isZero();
    }

    @Test
    void skewWidensThePictureAndLowResolutionShrinksIt() throws IOException {
        LabeledReceipt clean = ReceiptGenerator.generate(SEED, 0, CLEAN_TILL.withFormat(FileFormat.PNG));
        LabeledReceipt skewed = ReceiptGenerator.generate(SEED, 0, CLEAN_TILL.withFormat(FileFormat.PNG)
                .withDegradations(Degradation.SKEW));
        LabeledReceipt small = ReceiptGenerator.generate(SEED, 0, CLEAN_TILL.withFormat(FileFormat.PNG)
                .withDegradations(Degradation.LOW_RESOLUTION));
        double factor = small.truth().degradations().get(0).amount();

        double radians = Math.toRadians(Math.abs(skewed.truth().skew()));
        assertThat(skewed.truth().width()).isEqualTo((int) Math.ceil(clean.truth().width() * Math.cos(radians)
                + clean.truth().height() * Math.sin(radians)));
        assertThat(small.truth().width()).isEqualTo((int) Math.round(clean.truth().width() * factor));
        assertThat(small.truth().dpi()).isEqualTo((int) Math.round(clean.truth().dpi() * factor)).isLessThan(220);
    }

    @Test
    void fadedAndDimPicturesHaveLessContrastAndNoiseAddsGrain() throws IOException {
        int[] clean = range(png(CLEAN_TILL));
        int[] faded = range(png(CLEAN_TILL.withDegradations(Degradation.FADED_THERMAL)));
        int[] dim = range(png(CLEAN_TILL.withDegradations(Degradation.LOW_CONTRAST)));
        Raster noisy = png(CLEAN_TILL.withDegradations(Degradation.NOISE));
        Raster plain = png(CLEAN_TILL);

        assertThat(clean[1] - clean[0]).isGreaterThan(240);
        assertThat(faded[0]).isGreaterThanOrEqualTo(35);
        assertThat(faded[1]).isLessThan(250);
        assertThat(dim[1] - dim[0]).isLessThan(200);
        int changed = 0;
        for (int x = 0; x < plain.getWidth(); x++) {
            changed += plain.getSample(x, 2, 0) != noisy.getSample(x, 2, 0) ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(plain.getWidth() / 3);
    }

    @Test
    void aMultiPageTiffHoldsTheSlipCutIntoPages() throws IOException {
        for (int index = 0; index < 3; index++) {
            LabeledReceipt receipt = ReceiptGenerator.generate(SEED, index, CLEAN_TILL.withFormat(FileFormat.TIFF_MULTIPAGE));
            int whole = ReceiptGenerator.generate(SEED, index, CLEAN_TILL.withFormat(FileFormat.PNG)).truth().height();
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(receipt.bytes()))) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                int pages = reader.getNumImages(true);
                int height = 0;
                for (int page = 0; page < pages; page++) {
                    height += reader.getHeight(page);
                }
                reader.dispose();

                assertThat(pages).isGreaterThan(1).isEqualTo(receipt.truth().pages());
                assertThat(height).isEqualTo(whole);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ReceiptCountry.class)
    void digitalPdfsCarryTheTruthInTheirTextLayer(ReceiptCountry country) throws IOException {
        for (Layout layout : Layout.values()) {
            LabeledReceipt receipt = ReceiptGenerator.generate(SEED, layout.ordinal(),
                    ReceiptOptions.REALISTIC.withCountry(country).withLayout(layout).withFormat(FileFormat.PDF_DIGITAL));
            ReceiptTruth truth = receipt.truth();
            try (PDDocument document = Loader.loadPDF(receipt.bytes())) {
                String text = new PDFTextStripper().getText(document);

                assertThat(document.getNumberOfPages()).isEqualTo(1);
                assertThat(text).as(truth.toJson()).contains(truth.vendor(), truth.dateText(), truth.totalText());
                assertThat(truth.font().family()).isIn("Helvetica", "Times-Roman", "Courier");
                assertThat(truth.degradations()).isEmpty();
            }
        }
    }

    @Test
    void scannedPdfsHoldOnlyAPictureAtItsResolution() throws IOException {
        for (int index = 0; index < 3; index++) {
            LabeledReceipt receipt = ReceiptGenerator.generate(SEED, index,
                    ReceiptOptions.REALISTIC.withFormat(FileFormat.PDF_SCANNED).withMix(DegradationMix.CLEAN));
            ReceiptTruth truth = receipt.truth();
            try (PDDocument document = Loader.loadPDF(receipt.bytes())) {
                PDPage page = document.getPage(0);

                assertThat(new PDFTextStripper().getText(document)).isBlank();
                assertThat(truth.dpi()).isEqualTo(300);
                assertThat(page.getMediaBox().getWidth()).isCloseTo(truth.width() * 72f / 300, org.assertj.core.data.Offset.offset(0.01f));
                Iterator<COSName> names = page.getResources().getXObjectNames().iterator();
                assertThat(names.hasNext()).isTrue();
                assertThat(page.getResources().isImageXObject(names.next())).isTrue();
            }
        }
    }

    @Test
    void filesStartWithTheMagicOfTheirFormat() {
        for (FileFormat format : FileFormat.values()) {
            byte[] bytes = ReceiptGenerator.generate(SEED, 1, CLEAN_TILL.withFormat(format)).bytes();
            String head = new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            switch (format) {
                case PNG -> assertThat(head).isEqualTo("\u0089PNG");
                case JPEG -> assertThat(head).startsWith("\u00FF\u00D8\u00FF");
                case TIFF, TIFF_MULTIPAGE -> assertThat(head).isIn("MM\u0000*", "II*\u0000");
                case PDF_DIGITAL, PDF_SCANNED -> assertThat(head).isEqualTo("%PDF");
            }
        }
    }

    private static Raster png(ReceiptOptions options) throws IOException {
        byte[] bytes = ReceiptGenerator.generate(SEED, 0, options.withFormat(FileFormat.PNG)).bytes();
        return ImageIO.read(new ByteArrayInputStream(bytes)).getRaster();
    }

    private static int[] range(Raster raster) {
        int min = 255;
        int max = 0;
        for (int y = 0; y < raster.getHeight(); y += 2) {
            for (int x = 0; x < raster.getWidth(); x += 2) {
                int v = raster.getSample(x, y, 0);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new int[] {min, max};
    }
}
