package app.booksflow.desktop.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * The picture operations that prepare a page for Tesseract, on 8-bit grey pictures. Measurements work
 * on the light-to-dark edges of the picture rather than on its dark pixels, so the table or hand around
 * a photographed receipt (dark, but with few edges) does not count as text.
 */
final class PagePictures {

    /** Text lines (ink rows, ascenders to descenders) shorter than this many pixels are enlarged. */
    static final int SMALL_LINE_PIXELS = 12;
    /** The line height small text is enlarged to. */
    static final int TARGET_LINE_PIXELS = 24;
    /** Text lines taller than this are shrunk to {@link #TARGET_LARGE_LINE_PIXELS}: same words, far fewer pixels. */
    static final int LARGE_LINE_PIXELS = 110;
    static final int TARGET_LARGE_LINE_PIXELS = 60;
    /** Enlarging stops at this factor and at this many pixels, whatever the text height says. */
    static final double MAX_UPSCALE = 4.0;
    static final long MAX_SCALED_PIXELS = 40_000_000L;
    /** Slants up to this angle are looked for. */
    static final double MAX_SKEW_DEGREES = 15;
    /**
     * Tesseract copes with small slants itself, and turning resamples (softens) the whole page: on the
     * generated receipts (slants up to 4 degrees) straightening from 0.6 degrees on cost a total in ten.
     */
    static final double MIN_DESKEW_DEGREES = 2.0;

    private PagePictures() {
    }

    /** The picture as 8-bit grey in a packed raster (a copy unless it already is one); transparent parts become white. */
    static BufferedImage gray(BufferedImage image) {
        if (isPackedGray(image)) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            if (image.getColorModel().hasAlpha()) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return gray;
    }

    private static boolean isPackedGray(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getSampleModel() instanceof ComponentSampleModel model
                && model.getPixelStride() == 1 && model.getScanlineStride() == image.getWidth()
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && image.getRaster().getDataBuffer().getNumBanks() == 1 && image.getRaster().getDataBuffer().getOffset() == 0;
    }

    static byte[] pixels(BufferedImage gray) {
        if (!isPackedGray(gray)) {
            throw new IllegalArgumentException("not a packed grey picture");
        }
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    /** Otsu's threshold over the grey histogram: pixels at or below it are ink. */
    static int otsuThreshold(int[] histogram) {
        long total = 0;
        long sum = 0;
        for (int level = 0; level < 256; level++) {
            total += histogram[level];
            sum += (long) level * histogram[level];
        }
        long weightBelow = 0;
        long sumBelow = 0;
        double best = -1;
        int threshold = 127;
        for (int level = 0; level < 256; level++) {
            weightBelow += histogram[level];
            if (weightBelow == 0) {
                continue;
            }
            long weightAbove = total - weightBelow;
            if (weightAbove == 0) {
                break;
            }
            sumBelow += (long) level * histogram[level];
            double meanBelow = (double) sumBelow / weightBelow;
            double meanAbove = (double) (sum - sumBelow) / weightAbove;
            double between = (double) weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = level;
            }
        }
        return threshold;
    }

    static int[] histogram(byte[] pixels, int step) {
        int[] histogram = new int[256];
        for (int i = 0; i < pixels.length; i += step) {
            histogram[pixels[i] & 0xff]++;
        }
        return histogram;
    }

    /**
     * Stretches the grey range so its darkest 0.5 % become black and its lightest 0.5 % white; a picture
     * that already spans most of the range is returned as it is.
     */
    static BufferedImage stretchContrast(BufferedImage gray) {
        byte[] pixels = pixels(gray);
        int[] histogram = histogram(pixels, 1);
        long cut = pixels.length / 200;
        int low = 0;
        for (long seen = histogram[0]; seen <= cut && low < 255; seen += histogram[++low]) {
            // walk up to the 0.5 % level
        }
        int high = 255;
        for (long seen = histogram[255]; seen <= cut && high > 0; seen += histogram[--high]) {
            // walk down to the 99.5 % level
        }
        if (high - low >= 200 || high <= low) {
            return gray;
        }
        byte[] map = new byte[256];
        for (int level = 0; level < 256; level++) {
            int stretched = (level - low) * 255 / (high - low);
            map[level] = (byte) Math.clamp(stretched, 0, 255);
        }
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = pixels(out);
        for (int i = 0; i < pixels.length; i++) {
            target[i] = map[pixels[i] & 0xff];
        }
        return out;
    }

    /** Where ink begins along rows, sampled every {@code step} pixels both ways: the points text lines are made of. */
    private record Edges(int[] xs, int[] ys, int count) {
    }

    private static Edges edges(BufferedImage gray, int step) {
        byte[] pixels = pixels(gray);
        int width = gray.getWidth();
        int height = gray.getHeight();
        int threshold = otsuThreshold(histogram(pixels, Math.max(1, step * step)));
        int capacity = 1024;
        int[] xs = new int[capacity];
        int[] ys = new int[capacity];
        int count = 0;
        for (int y = 0; y < height; y += step) {
            int row = y * width;
            boolean inkBefore = true;
            for (int x = 0; x < width; x += step) {
                boolean ink = (pixels[row + x] & 0xff) <= threshold;
                if (ink && !inkBefore) {
                    if (count == capacity) {
                        capacity *= 2;
                        xs = Arrays.copyOf(xs, capacity);
                        ys = Arrays.copyOf(ys, capacity);
                    }
                    xs[count] = x / step;
                    ys[count] = y / step;
                    count++;
                }
                inkBefore = ink;
            }
        }
        return new Edges(xs, ys, count);
    }

    /**
     * The slant of the text lines in degrees, clockwise positive, found by the projection profile: turned
     * by the right angle, the ink edges pile up into the fewest, fullest rows.
     */
    static double skewDegrees(BufferedImage gray) {
        int step = Math.max(1, Math.max(gray.getWidth(), gray.getHeight()) / 1200);
        Edges edges = edges(gray, step);
        if (edges.count() < 50) {
            return 0;
        }
        int width = gray.getWidth() / step + 1;
        int height = gray.getHeight() / step + 1;
        int[] bins = new int[width + height + 2];
        double best = 0;
        double bestScore = -1;
        for (double degrees = -MAX_SKEW_DEGREES; degrees <= MAX_SKEW_DEGREES + 1e-9; degrees += 0.5) {
            double score = profileScore(edges, degrees, bins, width);
            if (score > bestScore) {
                bestScore = score;
                best = degrees;
            }
        }
        double coarse = best;
        for (double degrees = coarse - 0.4; degrees <= coarse + 0.4 + 1e-9; degrees += 0.1) {
            double score = profileScore(edges, degrees, bins, width);
            if (score > bestScore) {
                bestScore = score;
                best = degrees;
            }
        }
        // A profile hardly sharper than the unturned one is noise, not a slant.
        double straight = profileScore(edges, 0, bins, width);
        return bestScore > straight * 1.02 ? Math.round(best * 10) / 10.0 : 0;
    }

    private static double profileScore(Edges edges, double degrees, int[] bins, int width) {
        Arrays.fill(bins, 0);
        double radians = Math.toRadians(degrees);
        double sin = Math.sin(radians);
        double cos = Math.cos(radians);
        int offset = width + 1;
        int[] xs = edges.xs();
        int[] ys = edges.ys();
        for (int i = 0; i < edges.count(); i++) {
            int bin = (int) Math.round(ys[i] * cos - xs[i] * sin) + offset;
            if (bin >= 0 && bin < bins.length) {
                bins[bin]++;
            }
        }
        double score = 0;
        for (int count : bins) {
            score += (double) count * count;
        }
        return score;
    }

    /**
     * The median height in pixels of the text lines (runs of rows with several ink edges), or 0 when
     * the picture shows no clear lines (blank, or text running sideways).
     */
    static int lineHeight(BufferedImage gray) {
        byte[] pixels = pixels(gray);
        int width = gray.getWidth();
        int height = gray.getHeight();
        int threshold = otsuThreshold(histogram(pixels, 7));
        int columnStep = Math.max(1, width / 1500);
        int[] runs = new int[height / 2 + 1];
        int runCount = 0;
        int run = 0;
        int inkRows = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int rises = 0;
            boolean inkBefore = true;
            for (int x = 0; x < width; x += columnStep) {
                boolean ink = (pixels[row + x] & 0xff) <= threshold;
                if (ink && !inkBefore) {
                    rises++;
                }
                inkBefore = ink;
            }
            if (rises >= 4) {
                run++;
                inkRows++;
            } else {
                if (run >= 3) {
                    runs[runCount++] = run;
                }
                run = 0;
            }
        }
        if (run >= 3) {
            runs[runCount++] = run;
        }
        // Sideways text makes a few very tall runs over most of the page: no line height to trust.
        if (runCount < 2 || inkRows > height * 0.85) {
            return 0;
        }
        int[] sorted = Arrays.copyOf(runs, runCount);
        Arrays.sort(sorted);
        return sorted[runCount / 2];
    }

    /** Turned by {@code degrees} clockwise about its centre, on a canvas that holds all of it, the corners filled with paper. */
    static BufferedImage rotate(BufferedImage gray, double degrees) {
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        int width = gray.getWidth();
        int height = gray.getHeight();
        int newWidth = (int) Math.ceil(width * cos + height * sin);
        int newHeight = (int) Math.ceil(height * cos + width * sin);
        BufferedImage out = new BufferedImage(newWidth, newHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(paperLevel(gray), paperLevel(gray), paperLevel(gray)));
            g.fillRect(0, 0, newWidth, newHeight);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform turn = new AffineTransform();
            turn.translate(newWidth / 2.0, newHeight / 2.0);
            turn.rotate(radians);
            turn.translate(-width / 2.0, -height / 2.0);
            g.drawImage(gray, turn, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The grey of the paper: the 90th percentile. */
    private static int paperLevel(BufferedImage gray) {
        int[] histogram = histogram(pixels(gray), 11);
        long total = Arrays.stream(histogram).asLongStream().sum();
        long seen = 0;
        for (int level = 0; level < 256; level++) {
            seen += histogram[level];
            if (seen >= total * 0.9) {
                return level;
            }
        }
        return 255;
    }

    /** Turned by a multiple of 90 degrees clockwise, pixel for pixel. */
    static BufferedImage quarterTurn(BufferedImage gray, int quarters) {
        int turns = Math.floorMod(quarters, 4);
        if (turns == 0) {
            return gray;
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] source = pixels(gray);
        boolean sideways = turns % 2 == 1;
        int newWidth = sideways ? height : width;
        BufferedImage out = new BufferedImage(newWidth, sideways ? width : height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = pixels(out);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int index = switch (turns) {
                    case 1 -> x * newWidth + (height - 1 - y);
                    case 2 -> (height - 1 - y) * newWidth + (width - 1 - x);
                    default -> (width - 1 - x) * newWidth + y;
                };
                target[index] = source[row + x];
            }
        }
        return out;
    }

    /** Resized by {@code factor} with bicubic (enlarging) or area-averaging-like bilinear (shrinking) interpolation. */
    static BufferedImage scale(BufferedImage gray, double factor) {
        int width = Math.max(1, (int) Math.round(gray.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(gray.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, factor > 1
                    ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(gray, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** How much to resize a page whose text lines are {@code lineHeight} pixels tall: 1 when they suit Tesseract. */
    static double scaleFor(int lineHeight, int width, int height, boolean enlarge, boolean shrink) {
        if (lineHeight <= 0) {
            return 1;
        }
        if (enlarge && lineHeight < SMALL_LINE_PIXELS) {
            double factor = Math.min(MAX_UPSCALE, (double) TARGET_LINE_PIXELS / lineHeight);
            double pixelLimit = Math.sqrt((double) MAX_SCALED_PIXELS / ((double) width * height));
            return Math.max(1, Math.min(factor, pixelLimit));
        }
        if (shrink && lineHeight > LARGE_LINE_PIXELS) {
            return Math.max(0.35, (double) TARGET_LARGE_LINE_PIXELS / lineHeight);
        }
        return 1;
    }
}
