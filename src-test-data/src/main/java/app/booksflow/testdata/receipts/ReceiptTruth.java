package app.booksflow.testdata.receipts;

import app.booksflow.testdata.receipts.Degradation.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a generated receipt says, known for certain, and how it was made.
 *
 * <p>Amounts are in the currency's own decimals (two, none for JPY). For tax added on top (US, invoices,
 * Singapore restaurants) {@code subtotal + serviceCharge + tax + tip = total}; where prices include
 * the tax {@code subtotal + serviceCharge = total} and {@code tax} is the part of it that is tax. A cash
 * payment has {@code cash - change = total}; a card payment has both zero.
 *
 * @param index        the receipt's number in its set; with the seed it makes the receipt
 * @param file         the file name, e.g. {@code receipt-00042.jpg}
 * @param vendor       the vendor's name exactly as printed at the top
 * @param date         the date of the purchase or invoice (an invoice also prints a later due date)
 * @param datePattern  how the date is printed
 * @param dateText     the date exactly as printed
 * @param total        what was paid, tip included
 * @param tax          the tax (VAT, GST, sales tax...), zero where none is charged
 * @param subtotal     the sum of the line items
 * @param serviceCharge a restaurant's service charge, else zero
 * @param tip          a tip added on the bill (US restaurants), else zero
 * @param taxIncluded  whether the prices include the tax
 * @param taxRate      the tax rate in percent
 * @param totalText    the total exactly as printed on its line (with or without a currency symbol)
 * @param currency     the ISO 4217 code
 * @param country      the country whose style the receipt has
 * @param layout       till slip, restaurant bill, invoice, fuel or pharmacy slip
 * @param font         the type it is printed in (for digital PDFs, the standard 14 font)
 * @param degradations what was done to the picture, in the order applied; empty for clean ones and digital PDFs
 * @param heavy        whether the degradations make it hard to read even for a person
 * @param format       the file format
 * @param pages        the number of pages (more than one only for multi-page TIFF)
 * @param dpi          the resolution of the picture, after any loss of resolution; 72 for digital PDFs
 * @param width        the width of the (first) picture in pixels, or of the page in points for digital PDFs
 * @param height       the height likewise
 */
public record ReceiptTruth(int index, String file, String vendor, LocalDate date, DatePattern datePattern,
        String dateText, BigDecimal total, BigDecimal tax, BigDecimal subtotal, BigDecimal serviceCharge, BigDecimal tip,
        boolean taxIncluded, BigDecimal taxRate, BigDecimal cash, BigDecimal change, String totalText, String currency,
        ReceiptCountry country, Layout layout, ReceiptFont font, List<Step> degradations, boolean heavy,
        FileFormat format, int pages, int dpi, int width, int height) {

    public ReceiptTruth {
        Objects.requireNonNull(vendor);
        degradations = List.copyOf(degradations);
    }

    /** The quarter turn applied in degrees clockwise: 0, 90, 180 or 270. */
    public int rotation() {
        return degradations.stream().filter(step -> step.kind().isRotation()).mapToInt(step -> (int) step.amount())
                .findFirst().orElse(0);
    }

    /** The skew applied in degrees (clockwise positive), 0 when none. */
    public double skew() {
        return degradations.stream().filter(step -> step.kind() == Degradation.SKEW).mapToDouble(Step::amount)
                .findFirst().orElse(0);
    }

    public boolean has(Degradation kind) {
        return degradations.stream().anyMatch(step -> step.kind() == kind);
    }

    /** One line of labels.jsonl. */
    public String toJson() {
        StringBuilder json = new StringBuilder(400).append('{');
        field(json, "file", file).append(',');
        field(json, "vendor", vendor).append(',');
        field(json, "date", date.toString()).append(',');
        field(json, "dateText", dateText).append(',');
        field(json, "datePattern", datePattern.pattern()).append(',');
        field(json, "total", total.toPlainString()).append(',');
        field(json, "tax", tax.toPlainString()).append(',');
        field(json, "subtotal", subtotal.toPlainString()).append(',');
        field(json, "serviceCharge", serviceCharge.toPlainString()).append(',');
        field(json, "tip", tip.toPlainString()).append(',');
        json.append("\"taxIncluded\":").append(taxIncluded).append(',');
        field(json, "taxRate", taxRate.toPlainString()).append(',');
        field(json, "cash", cash.toPlainString()).append(',');
        field(json, "change", change.toPlainString()).append(',');
        field(json, "totalText", totalText).append(',');
        field(json, "currency", currency).append(',');
        field(json, "country", country.isoCode()).append(',');
        field(json, "layout", layout.name().toLowerCase(java.util.Locale.ROOT)).append(',');
        field(json, "font", font.family()).append(',');
        json.append("\"fontSize\":").append(font.sizePoints()).append(',');
        json.append("\"degradations\":[");
        for (int i = 0; i < degradations.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(degradations.get(i).kind().label()).append('"');
        }
        json.append("],\"strengths\":{");
        for (int i = 0; i < degradations.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(degradations.get(i).kind().label()).append("\":")
                    .append(degradations.get(i).amount());
        }
        json.append("},");
        json.append("\"rotation\":").append(rotation()).append(',');
        json.append("\"skew\":").append(skew()).append(',');
        json.append("\"heavy\":").append(heavy).append(',');
        field(json, "format", format.name().toLowerCase(java.util.Locale.ROOT)).append(',');
        json.append("\"pages\":").append(pages).append(',');
        json.append("\"dpi\":").append(dpi).append(',');
        json.append("\"width\":").append(width).append(',');
        json.append("\"height\":").append(height);
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
