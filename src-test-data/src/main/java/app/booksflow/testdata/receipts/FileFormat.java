package app.booksflow.testdata.receipts;

/** The kind of file a receipt is written as. */
public enum FileFormat {
    PNG(".png"), JPEG(".jpg"), TIFF(".tif"),
    /** The receipt cut into two or three pages, as a sheet feeder scans a long slip. */
    TIFF_MULTIPAGE(".tif"),
    /** A PDF written by software: a real text layer in a standard 14 font, no picture. */
    PDF_DIGITAL(".pdf"),
    /** A PDF as a scanner makes it: the picture at 300 dpi on a page of its size, no text layer. */
    PDF_SCANNED(".pdf");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Whether the file holds pictures (every format but the digital PDF). */
    public boolean isPicture() {
        return this != PDF_DIGITAL;
    }
}
