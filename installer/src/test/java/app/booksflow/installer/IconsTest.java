package app.booksflow.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The icon files are what each system's reader expects: decoded here entry by entry. */
class IconsTest {

    @TempDir
    Path dir;

    @Test
    void thePngIsATileWithTransparentCorners() throws IOException {
        BufferedImage png = ImageIO.read(Icons.writeAll(dir).png().toFile());

        assertThat(png.getWidth()).isEqualTo(512);
        assertThat(png.getHeight()).isEqualTo(512);
        assertThat(png.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
        assertThat(png.getRGB(256, 40) >>> 24).as("tile alpha").isEqualTo(255);
    }

    @Test
    void theIcoListsEverySizeWithItsPicture() throws IOException {
        byte[] ico = Files.readAllBytes(Icons.writeAll(dir).ico());
        ByteBuffer in = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(in.getShort()).isZero();
        assertThat(in.getShort()).as("type: icon").isEqualTo((short) 1);
        int count = in.getShort();
        assertThat(count).isEqualTo(Icons.ICO_SIZES.size());
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(in.get(6 + 16 * i));
            int length = in.getInt(6 + 16 * i + 8);
            int offset = in.getInt(6 + 16 * i + 12);
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(ico, offset, offset + length)));
            int size = Icons.ICO_SIZES.get(i);
            assertThat(width).isEqualTo(size == 256 ? 0 : size);
            assertThat(picture.getWidth()).isEqualTo(size);
        }
    }

    @Test
    void theIcnsHoldsItsTypesAndItsLength() throws IOException {
        byte[] icns = Files.readAllBytes(Icons.writeAll(dir).icns());
        ByteBuffer in = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);

        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(in.getInt(4)).isEqualTo(icns.length);
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < icns.length) {
            String type = new String(icns, at, 4, StandardCharsets.US_ASCII);
            int length = in.getInt(at + 4);
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(icns, at + 8, at + length)));
            assertThat(picture.getWidth()).as(type).isEqualTo(Icons.ICNS_TYPES.get(type));
            types.add(type);
            at += length;
        }
        assertThat(types).containsExactlyElementsOf(Icons.ICNS_TYPES.keySet());
    }
}
