package app.booksflow.testdata.receipts;

import app.booksflow.testdata.receipts.Degradation.Step;
import app.booksflow.testdata.receipts.Rng.Stream;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes receipt files whose content is known: receipt {@code index} of the set with {@code seed} is
 * always the same receipt (the same text everywhere; the same bytes with the same JDK and fonts), and
 * receipts can be made in any order or in parallel.
 *
 * <pre>{@code
 * LabeledReceipt receipt = ReceiptGenerator.generate(42, 7, ReceiptOptions.REALISTIC
 *         .withCountry(ReceiptCountry.GERMANY).withFormat(FileFormat.PNG).withDegradations());
 * Path file = receipt.writeTo(folder);
 * receipt.truth().total(); // 23.40, as printed on the SUMME line
 * }</pre>
 */
public final class ReceiptGenerator {

    private static final Layout[] LAYOUTS = {Layout.TILL, Layout.TILL, Layout.TILL, Layout.TILL, Layout.TILL,
        Layout.TILL, Layout.RESTAURANT, Layout.RESTAURANT, Layout.RESTAURANT, Layout.INVOICE, Layout.INVOICE,
        Layout.FUEL, Layout.FUEL, Layout.PHARMACY, Layout.PHARMACY};
    private static final FileFormat[] FORMATS = {FileFormat.JPEG, FileFormat.JPEG, FileFormat.JPEG, FileFormat.JPEG,
        FileFormat.JPEG, FileFormat.JPEG, FileFormat.JPEG, FileFormat.JPEG, FileFormat.PNG, FileFormat.PNG,
        FileFormat.PNG, FileFormat.TIFF, FileFormat.TIFF_MULTIPAGE, FileFormat.PDF_DIGITAL, FileFormat.PDF_DIGITAL,
        FileFormat.PDF_SCANNED, FileFormat.PDF_SCANNED};
    private static final FileFormat[] INVOICE_FORMATS = {FileFormat.PDF_DIGITAL, FileFormat.PDF_DIGITAL,
        FileFormat.PDF_DIGITAL, FileFormat.PDF_SCANNED, FileFormat.JPEG, FileFormat.PNG, FileFormat.TIFF};

    private ReceiptGenerator() {
    }

    /** Receipt {@code index} of the realistic set with this seed. */
    public static LabeledReceipt generate(long seed, int index) {
        return generate(seed, index, ReceiptOptions.REALISTIC);
    }

    public static LabeledReceipt generate(long seed, int index, ReceiptOptions options) {
        return render(choose(seed, index, options));
    }

    /** Everything decided about a receipt before a pixel is drawn. */
    record Choices(long seed, int index, ReceiptComposer.Composed composed, FileFormat format, ReceiptFont font, int dpi,
            double jpegQuality, Degrader.Plan plan, String file) {
    }

    static Choices choose(long seed, int index, ReceiptOptions options) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        Rng content = Rng.of(seed, index, Stream.CONTENT);
        ReceiptCountry drawnCountry = content.pick(ReceiptCountry.values());
        Layout drawnLayout = content.pick(LAYOUTS);
        ReceiptCountry country = options.country().orElse(drawnCountry);
        Layout layout = options.layout().orElse(drawnLayout);
        ReceiptComposer.Composed composed = ReceiptComposer.compose(content, country, layout);

        Rng looks = Rng.of(seed, index, Stream.LOOKS);
        FileFormat drawnFormat = layout == Layout.INVOICE ? looks.pick(INVOICE_FORMATS) : looks.pick(FORMATS);
        FileFormat format = options.format().orElse(drawnFormat);
        ReceiptFont font = font(looks, layout);
        int dpi = format == FileFormat.PDF_SCANNED ? 300
                : layout == Layout.INVOICE ? looks.pick(200, 200, 240) : looks.pick(300, 300, 240, 200);
        double jpegQuality = looks.uniform(0.8, 0.93);
        String file = String.format(Locale.ROOT, "receipt-%05d%s", index, format.extension());
        Degrader.Plan plan = format == FileFormat.PDF_DIGITAL ? new Degrader.Plan(List.of(), false)
                : Degrader.plan(Rng.of(seed, index, Stream.DEGRADATION), options.mix(),
                        options.degradations().orElse(null), layout != Layout.INVOICE);
        if (format == FileFormat.PDF_DIGITAL) {
            font = new ReceiptFont(Encoders.pdfFont(font, false).getName(), font.sizePoints(), font.boldHeadings());
        }
        return new Choices(seed, index, composed, format, font, dpi, jpegQuality, plan, file);
    }

    private static LabeledReceipt render(Choices choices) {
        ReceiptComposer.Composed composed = choices.composed();
        FileFormat format = choices.format();
        ReceiptFont font = choices.font();
        Degrader.Plan plan = choices.plan();
        String file = choices.file();
        int index = choices.index();
        int dpi = choices.dpi();
        long seed = choices.seed();
        long documentId = Rng.mix(seed * 31 + index);
        if (format == FileFormat.PDF_DIGITAL) {
            byte[] bytes = Encoders.digitalPdf(composed.sheet(), font, documentId);
            SheetLayout.Placed placed = SheetLayout.place(composed.sheet(), font, Encoders.pdfMetrics(font));
            return new LabeledReceipt(truth(index, file, composed, font, plan, format, 1, 72,
                    (int) StrictMath.ceil(placed.width()), (int) StrictMath.ceil(placed.height())), bytes);
        }
        Rng looks = Rng.of(seed, index, Stream.FORMAT);
        Pictures.Painted painted = Pictures.paint(composed.sheet(), font, dpi);
        List<BufferedImage> pages = format == FileFormat.TIFF_MULTIPAGE ? cut(painted, looks) : List.of(painted.image());
        Rng pixels = Rng.of(seed, index, Stream.PIXELS);
        List<BufferedImage> degraded = new ArrayList<>(pages.size());
        for (BufferedImage page : pages) {
            BufferedImage out = Degrader.apply(page, plan, pixels);
            if (plan.has(Degradation.JPEG_ARTIFACTS) && format != FileFormat.JPEG) {
                out = Encoders.jpegRoundTrip(out, plan.amount(Degradation.JPEG_ARTIFACTS));
            }
            degraded.add(out);
        }
        int effectiveDpi = plan.has(Degradation.LOW_RESOLUTION)
                ? (int) StrictMath.round(dpi * plan.amount(Degradation.LOW_RESOLUTION)) : dpi;
        byte[] bytes = switch (format) {
            case PNG -> Encoders.png(degraded.get(0));
            case JPEG -> Encoders.jpeg(degraded.get(0),
                    plan.has(Degradation.JPEG_ARTIFACTS) ? plan.amount(Degradation.JPEG_ARTIFACTS) : choices.jpegQuality());
            case TIFF, TIFF_MULTIPAGE -> Encoders.tiff(degraded);
            case PDF_SCANNED -> Encoders.scannedPdf(degraded, effectiveDpi, documentId);
            case PDF_DIGITAL -> throw new IllegalStateException("handled above");
        };
        BufferedImage first = degraded.get(0);
        ReceiptFont drawn = new ReceiptFont(painted.family(), font.sizePoints(), font.boldHeadings());
        return new LabeledReceipt(truth(index, file, composed, drawn, plan, format, degraded.size(), effectiveDpi,
                first.getWidth(), first.getHeight()), bytes);
    }

    private static ReceiptFont font(Rng looks, Layout layout) {
        String family = layout != Layout.INVOICE && looks.chance(0.45)
                ? looks.pick("Monospaced", "DejaVu Sans Mono", "DialogInput")
                : looks.pick(ReceiptFont.PICTURE_FAMILIES);
        double size = layout == Layout.INVOICE ? looks.uniform(9, 12)
                : looks.chance(0.1) ? looks.uniform(12, 14) : looks.uniform(7, 12);
        return new ReceiptFont(family, (float) (StrictMath.round(size * 2) / 2.0), looks.chance(0.85));
    }

    /** A long slip fed through a sheet scanner in two or three parts, cut between lines. */
    private static List<BufferedImage> cut(Pictures.Painted painted, Rng looks) {
        BufferedImage image = painted.image();
        int parts = image.getHeight() > 3 * image.getWidth() && looks.chance(0.5) ? 3 : 2;
        List<Double> bottoms = painted.placed().lineBottoms();
        List<BufferedImage> pages = new ArrayList<>(parts);
        int top = 0;
        for (int part = 1; part < parts; part++) {
            double wanted = image.getHeight() * part / (double) parts;
            int cut = top;
            double best = Double.MAX_VALUE;
            for (double bottom : bottoms) {
                int y = (int) StrictMath.round(bottom * painted.pixelsPerPoint());
                if (y > top && y < image.getHeight() && Math.abs(y - wanted) < best) {
                    best = Math.abs(y - wanted);
                    cut = y;
                }
            }
            pages.add(copy(image, top, cut));
            top = cut;
        }
        pages.add(copy(image, top, image.getHeight()));
        return pages;
    }

    private static BufferedImage copy(BufferedImage image, int from, int to) {
        BufferedImage page = new BufferedImage(image.getWidth(), to - from, BufferedImage.TYPE_BYTE_GRAY);
        page.getRaster().setRect(0, -from, image.getRaster());
        return page;
    }

    private static ReceiptTruth truth(int index, String file, ReceiptComposer.Composed c, ReceiptFont font,
            Degrader.Plan plan, FileFormat format, int pages, int dpi, int width, int height) {
        int decimals = c.country().decimals();
        List<Step> steps = plan.steps();
        return new ReceiptTruth(index, file, c.vendor(), c.date(), c.datePattern(), c.dateText(),
                money(c.total(), decimals), money(c.tax(), decimals), money(c.subtotal(), decimals),
                money(c.serviceCharge(), decimals), money(c.tip(), decimals), c.taxIncluded(), c.taxRate(),
                money(c.cash(), decimals), money(c.change(), decimals), c.totalText(), c.country().currency().getCurrencyCode(),
                c.country(), c.layout(), font, steps, plan.heavy(), format, pages, dpi, width, height);
    }

    private static BigDecimal money(long minor, int decimals) {
        return BigDecimal.valueOf(minor, decimals);
    }
}
