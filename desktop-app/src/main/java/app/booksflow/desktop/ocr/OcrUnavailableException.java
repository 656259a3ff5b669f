package app.booksflow.desktop.ocr;

/** OCR cannot run on this computer at all (no libraries for it, cache folder not writable); the message is for the user. */
public final class OcrUnavailableException extends RuntimeException {

    public OcrUnavailableException(String message) {
        super(message);
    }

    public OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
