package app.booksflow.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ReceiptSampleTest {

    @Test
    void everyCopyIsADistinctFileOfTheSameReadablePicture() throws Exception {
        ReceiptSample sample = ReceiptSample.generate();

        byte[] first = sample.nextCopy();
        byte[] second = sample.nextCopy();

        assertThat(sample.size()).isBetween(100 * 1024, 400 * 1024);
        assertThat(MessageDigest.getInstance("SHA-256").digest(first))
                .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest(second));
        var picture = ImageIO.read(new ByteArrayInputStream(first));
        assertThat(picture).isNotNull();
        assertThat(picture.getWidth()).isGreaterThan(300);
    }
}
