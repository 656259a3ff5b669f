package app.booksflow.desktop.ocr;

/**
 * What the engine refuses to open, so one bad file cannot exhaust memory or stall a batch: a photo of
 * a receipt is a few megabytes and under 50 megapixels; a scanned A4 page at 300 dpi is 8.7 megapixels.
 *
 * @param maxFileBytes   larger files are refused before they are read
 * @param maxPagePixels  a page (image, TIFF page, PDF page at 300 dpi) with more pixels is refused before decoding
 * @param maxPageSide    a page wider or taller than this many pixels is refused (long thin bombs)
 * @param maxPages       a TIFF or PDF with more pages is refused
 */
public record OcrLimits(long maxFileBytes, long maxPagePixels, int maxPageSide, int maxPages) {

    /** 100 MB, 120 megapixels, 30,000 pixels a side, 200 pages. */
    public static final OcrLimits DEFAULT = new OcrLimits(100L * 1024 * 1024, 120_000_000L, 30_000, 200);

    public OcrLimits {
        if (maxFileBytes < 1 || maxPagePixels < 1 || maxPageSide < 1 || maxPages < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
