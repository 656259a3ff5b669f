package app.booksflow.desktop.reports.export;

/** The file formats a report is exported to. */
public enum ExportFormat {
    CSV("CSV", "csv"),
    PDF("PDF", "pdf");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    /** Without the dot. */
    public String extension() {
        return extension;
    }
}
