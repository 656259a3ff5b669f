package app.booksflow.desktop.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The picture measurements the preparation relies on, on receipts drawn by the test. */
class PagePicturesTest {

    private static final BufferedImage RECEIPT = PagePictures.gray(ReceiptFiles.draw(ReceiptFiles.RECEIPT));

    @ParameterizedTest
    @ValueSource(doubles = {-12, -4.5, -1, 2, 7.3, 14})
    void findsTheSlantOfTheTextLines(double degrees) {
        assertThat(PagePictures.skewDegrees(PagePictures.rotate(RECEIPT, degrees))).isCloseTo(degrees, within(0.3));
    }

    @Test
    void aStraightPageHasNoSlant() {
        assertThat(PagePictures.skewDegrees(RECEIPT)).isZero();
    }

    @Test
    void measuresTheHeightOfTheTextLines() {
        int large = PagePictures.lineHeight(RECEIPT);
        int small = PagePictures.lineHeight(PagePictures.gray(ReceiptFiles.draw(ReceiptFiles.RECEIPT, 10)));

        // 40-pixel type: the rows where most letters have ink span about 30 pixels.
        assertThat(large).isBetween(26, 40);
        assertThat(small).isBetween(5, 10);
        assertThat(PagePictures.scaleFor(small, 225, 160, true, true)).isGreaterThan(3);
        assertThat(PagePictures.scaleFor(large, 900, 360, true, true)).isEqualTo(1);
    }

    @Test
    void fourQuarterTurnsGiveThePictureBack() {
        BufferedImage once = PagePictures.quarterTurn(RECEIPT, 1);
        assertThat(once.getWidth()).isEqualTo(RECEIPT.getHeight());
        BufferedImage back = PagePictures.quarterTurn(PagePictures.quarterTurn(PagePictures.quarterTurn(once, 1), 1), 1);
        assertThat(PagePictures.pixels(back)).isEqualTo(PagePictures.pixels(RECEIPT));
        assertThat(PagePictures.pixels(PagePictures.quarterTurn(once, -1))).isEqualTo(PagePictures.pixels(RECEIPT));
    }

    @Test
    void stretchesAFadedPrintToFullContrast() {
        BufferedImage faded = PagePictures.gray(RECEIPT);
        byte[] pixels = PagePictures.pixels(faded).clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (150 + (pixels[i] & 0xff) * 80 / 255);
        }
        BufferedImage low = new BufferedImage(faded.getWidth(), faded.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(pixels, 0, PagePictures.pixels(low), 0, pixels.length);

        int[] histogram = PagePictures.histogram(PagePictures.pixels(PagePictures.stretchContrast(low)), 1);
        assertThat(histogram[0]).isPositive();
        assertThat(histogram[255]).isPositive();
    }
}
