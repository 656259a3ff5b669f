package app.booksflow.testdata.receipts;

import app.booksflow.testdata.receipts.Degradation.Step;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses and applies what a phone or scanner does to a receipt, on gray pictures. Steps are applied in
 * a fixed order (tone, blur, skew, noise, resolution, quarter turn, JPEG), whatever order they were drawn in.
 */
final class Degrader {

    /** The chosen steps and whether they make the receipt hard to read. */
    record Plan(List<Step> steps, boolean heavy) {

        boolean has(Degradation kind) {
            return steps.stream().anyMatch(step -> step.kind() == kind);
        }

        double amount(Degradation kind) {
            return steps.stream().filter(step -> step.kind() == kind).findFirst().orElseThrow().amount();
        }
    }

    private static final List<Degradation> MILD = List.of(Degradation.SKEW, Degradation.NOISE, Degradation.JPEG_ARTIFACTS);
    private static final Degradation[] WEIGHTED = {
        Degradation.SKEW, Degradation.SKEW, Degradation.SKEW, Degradation.SKEW, Degradation.SKEW,
        Degradation.NOISE, Degradation.NOISE, Degradation.NOISE, Degradation.NOISE,
        Degradation.BLUR, Degradation.BLUR, Degradation.BLUR,
        Degradation.FADED_THERMAL, Degradation.FADED_THERMAL, Degradation.FADED_THERMAL,
        Degradation.LOW_CONTRAST, Degradation.LOW_CONTRAST, Degradation.LOW_CONTRAST,
        Degradation.LOW_RESOLUTION, Degradation.LOW_RESOLUTION,
        Degradation.JPEG_ARTIFACTS, Degradation.JPEG_ARTIFACTS, Degradation.JPEG_ARTIFACTS,
        Degradation.ROTATE_90, Degradation.ROTATE_180, Degradation.ROTATE_270,
    };

    private Degrader() {
    }

    /**
     * Draws the steps for one receipt. {@code forced}, when not null, is exactly the set of steps to
     * apply (with drawn strengths); otherwise the mix decides.
     */
    static Plan plan(Rng rng, DegradationMix mix, Set<Degradation> forced, boolean thermal) {
        Set<Degradation> kinds = EnumSet.noneOf(Degradation.class);
        boolean hard = false;
        boolean mild = false;
        if (forced != null) {
            kinds.addAll(forced);
        } else {
            switch (mix) {
                case CLEAN -> {
                }
                case REALISTIC -> {
                    double u = rng.uniform();
                    if (u < 0.45) {
                        mild = true;
                    } else if (u < 0.60) {
                        mild = true;
                        kinds.add(rng.pick(MILD));
                    } else {
                        int count = rng.between(1, 3);
                        while (kinds.size() < count) {
                            add(kinds, rng.pick(WEIGHTED), thermal, rng);
                        }
                        hard = rng.chance(0.2);
                    }
                }
                case STRESS -> {
                    int count = rng.between(1, 4);
                    while (kinds.size() < count) {
                        add(kinds, rng.pick(Degradation.values()), true, rng);
                    }
                    hard = rng.chance(0.5);
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        boolean heavy = false;
        for (Degradation kind : kinds) {
            boolean strong = hard && !mild && rng.chance(0.5);
            Step step = new Step(kind, amount(kind, strong, mild, rng));
            heavy |= isHeavy(step);
            steps.add(step);
        }
        steps.sort(Comparator.comparingInt(step -> order(step.kind())));
        long tough = steps.stream().filter(step -> !step.kind().isRotation() && step.kind() != Degradation.SKEW).count();
        return new Plan(List.copyOf(steps), heavy || tough >= 3);
    }

    /** Adds a kind unless it clashes: one quarter turn at most; fading is what thermal paper does. */
    private static void add(Set<Degradation> kinds, Degradation kind, boolean thermal, Rng rng) {
        if (kind.isRotation() && kinds.stream().anyMatch(Degradation::isRotation)) {
            return;
        }
        if (kind == Degradation.FADED_THERMAL && !thermal) {
            kind = Degradation.LOW_CONTRAST;
        }
        if (kind == Degradation.FADED_THERMAL && kinds.contains(Degradation.LOW_CONTRAST)
                || kind == Degradation.LOW_CONTRAST && kinds.contains(Degradation.FADED_THERMAL)) {
            return;
        }
        kinds.add(kind);
    }

    private static double amount(Degradation kind, boolean strong, boolean mild, Rng rng) {
        double amount = switch (kind) {
            case NOISE -> mild ? rng.uniform(3, 7) : strong ? rng.uniform(18, 30) : rng.uniform(5, 14);
            case BLUR -> strong ? rng.uniform(1.7, 2.4) : rng.uniform(0.6, 1.3);
            case SKEW -> (rng.chance(0.5) ? -1 : 1) * (mild ? rng.uniform(0.5, 2) : rng.uniform(1, 4));
            case ROTATE_90 -> 90;
            case ROTATE_180 -> 180;
            case ROTATE_270 -> 270;
            case FADED_THERMAL -> strong ? rng.uniform(150, 180) : rng.uniform(80, 140);
            case LOW_CONTRAST -> strong ? rng.uniform(50, 75) : rng.uniform(90, 140);
            case LOW_RESOLUTION -> strong ? rng.uniform(0.32, 0.45) : rng.uniform(0.5, 0.7);
            case JPEG_ARTIFACTS -> mild ? rng.uniform(0.55, 0.75) : strong ? rng.uniform(0.08, 0.2) : rng.uniform(0.3, 0.6);
        };
        return StrictMath.round(amount * 100) / 100.0;
    }

    private static boolean isHeavy(Step step) {
        double a = step.amount();
        return switch (step.kind()) {
            case NOISE -> a > 16;
            case BLUR -> a > 1.6;
            case FADED_THERMAL -> a > 145;
            case LOW_CONTRAST -> a < 80;
            case LOW_RESOLUTION -> a < 0.46;
            case JPEG_ARTIFACTS -> a < 0.22;
            default -> false;
        };
    }

    private static int order(Degradation kind) {
        return switch (kind) {
            case FADED_THERMAL, LOW_CONTRAST -> 0;
            case BLUR -> 1;
            case SKEW -> 2;
            case NOISE -> 3;
            case LOW_RESOLUTION -> 4;
            case ROTATE_90, ROTATE_180, ROTATE_270 -> 5;
            case JPEG_ARTIFACTS -> 6;
        };
    }

    /**
     * Applies every step but the JPEG one (the file writer does that, being the only step that depends on
     * the format) to one page.
     */
    static BufferedImage apply(BufferedImage image, Plan plan, Rng rng) {
        BufferedImage out = image;
        for (Step step : plan.steps()) {
            out = switch (step.kind()) {
                case FADED_THERMAL -> faded(out, (int) step.amount(), rng);
                case LOW_CONTRAST -> lowContrast(out, (int) step.amount(), rng);
                case BLUR -> blur(out, step.amount());
                case SKEW -> skew(out, step.amount());
                case NOISE -> noise(out, step.amount(), rng);
                case LOW_RESOLUTION -> scale(out, step.amount());
                case ROTATE_90, ROTATE_180, ROTATE_270 -> quarterTurns(out, (int) step.amount() / 90);
                case JPEG_ARTIFACTS -> out;
            };
        }
        return out;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage gray(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    }

    /** Thermal print gone pale: ink the gray level {@code ink}, paper slightly off-white, uneven down the slip, specks. */
    static BufferedImage faded(BufferedImage image, int ink, Rng rng) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = gray(w, h);
        byte[] src = pixels(image);
        byte[] dst = pixels(out);
        int paper = rng.between(228, 245);
        double drift = rng.uniform(-25, 25);
        for (int y = 0; y < h; y++) {
            double level = Math.min(paper - 20, Math.max(0, ink + drift * y / h));
            for (int x = 0; x < w; x++) {
                int v = src[y * w + x] & 0xFF;
                dst[y * w + x] = (byte) (int) (level + v * (paper - level) / 255.0);
            }
        }
        int specks = w * h / 3000;
        for (int i = 0; i < specks; i++) {
            int x = rng.between(0, w - 2);
            int y = rng.between(0, h - 2);
            byte dot = (byte) rng.between(ink / 2, Math.min(paper - 30, ink + 40));
            dst[y * w + x] = dot;
            if (rng.chance(0.4)) {
                dst[y * w + x + 1] = dot;
                dst[(y + 1) * w + x] = dot;
            }
        }
        return out;
    }

    /** A dim photo: ink and paper {@code range} gray levels apart, lit more on one side. */
    static BufferedImage lowContrast(BufferedImage image, int range, Rng rng) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = gray(w, h);
        byte[] src = pixels(image);
        byte[] dst = pixels(out);
        double ink = rng.uniform(60, 110);
        double light = rng.uniform(-20, 20);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double shift = light * ((double) x / w - 0.5);
                int v = src[y * w + x] & 0xFF;
                int value = (int) (ink + shift + v * range / 255.0);
                dst[y * w + x] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return out;
    }

    /** A separable Gaussian blur of standard deviation {@code sigma} pixels. */
    static BufferedImage blur(BufferedImage image, double sigma) {
        int radius = (int) StrictMath.ceil(sigma * 3);
        int[] kernel = new int[2 * radius + 1];
        int sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (int) StrictMath.round(1024 * StrictMath.exp(-(i * i) / (2 * sigma * sigma)));
            sum += kernel[i + radius];
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] src = pixels(image);
        int[] across = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.max(0, Math.min(w - 1, x + k));
                    acc += kernel[k + radius] * (src[row + xx] & 0xFF);
                }
                across[row + x] = acc;
            }
        }
        BufferedImage out = gray(w, h);
        byte[] dst = pixels(out);
        long total = (long) sum * sum;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.max(0, Math.min(h - 1, y + k));
                    acc += (long) kernel[k + radius] * across[yy * w + x];
                }
                dst[y * w + x] = (byte) ((acc + total / 2) / total);
            }
        }
        return out;
    }

    /** Turned by {@code degrees} (clockwise when positive) onto a canvas that holds it all, filled with the paper. */
    static BufferedImage skew(BufferedImage image, double degrees) {
        double radians = StrictMath.toRadians(degrees);
        double cos = StrictMath.cos(radians);
        double sin = StrictMath.sin(radians);
        int w = image.getWidth();
        int h = image.getHeight();
        int nw = (int) StrictMath.ceil(Math.abs(w * cos) + Math.abs(h * sin));
        int nh = (int) StrictMath.ceil(Math.abs(w * sin) + Math.abs(h * cos));
        BufferedImage out = gray(nw, nh);
        Graphics2D g = out.createGraphics();
        try {
            int paper = pixels(image)[0] & 0xFF;
            g.setColor(new java.awt.Color(paper, paper, paper));
            g.fillRect(0, 0, nw, nh);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // Rotation about the centre, built from StrictMath's sine and cosine (AffineTransform.rotate uses Math).
            double cx = w / 2.0;
            double cy = h / 2.0;
            AffineTransform turn = new AffineTransform(cos, sin, -sin, cos,
                    nw / 2.0 - (cos * cx - sin * cy), nh / 2.0 - (sin * cx + cos * cy));
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Sensor noise: roughly Gaussian, standard deviation {@code sigma} gray levels. */
    static BufferedImage noise(BufferedImage image, double sigma, Rng rng) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = gray(w, h);
        byte[] src = pixels(image);
        byte[] dst = pixels(out);
        // The sum of four uniforms (16 bits each, from one draw) is near enough to normal for noise: variance 1/3.
        double factor = sigma * StrictMath.sqrt(3) / 65536.0;
        for (int i = 0; i < src.length; i++) {
            long bits = rng.nextLong();
            long sum = (bits & 0xFFFF) + ((bits >>> 16) & 0xFFFF) + ((bits >>> 32) & 0xFFFF) + (bits >>> 48);
            int value = (src[i] & 0xFF) + (int) StrictMath.round((sum - 131070) * factor);
            dst[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return out;
    }

    /** Resampled by {@code factor} (bilinear), as a low-resolution camera or a scanner set to 100 dpi gives. */
    static BufferedImage scale(BufferedImage image, double factor) {
        int w = Math.max(1, (int) StrictMath.round(image.getWidth() * factor));
        int h = Math.max(1, (int) StrictMath.round(image.getHeight() * factor));
        BufferedImage out = gray(w, h);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Turned clockwise by {@code turns} quarter turns, pixel for pixel. */
    static BufferedImage quarterTurns(BufferedImage image, int turns) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] src = pixels(image);
        int t = ((turns % 4) + 4) % 4;
        if (t == 0) {
            return image;
        }
        BufferedImage out = t == 2 ? gray(w, h) : gray(h, w);
        byte[] dst = pixels(out);
        int ow = out.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                byte v = src[y * w + x];
                switch (t) {
                    case 1 -> dst[x * ow + (h - 1 - y)] = v;
                    case 2 -> dst[(h - 1 - y) * ow + (w - 1 - x)] = v;
                    default -> dst[(w - 1 - x) * ow + y] = v;
                }
            }
        }
        return out;
    }
}
