package app.booksflow.server.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, written as {@code manifest.json} into the zip. Restore trusts nothing in the zip
 * that this does not describe and checksum.
 *
 * @param format        always {@link #FORMAT}, so that another zip is not mistaken for a backup
 * @param formatVersion the layout of the zip; a restore refuses versions it does not know
 * @param schemaVersion the Flyway version of the schema the rows fit
 * @param standaloneSequences since format 2; a format 1 backup did not carry them (null when read)
 */
public record Manifest(String format, int formatVersion, String schemaVersion, Instant createdAt,
        List<TableEntry> tables, List<SequenceEntry> sequences, List<NamedSequence> standaloneSequences,
        List<BlobEntry> blobs) {

    public static final String FORMAT = "booksflow-backup";
    /** 2: sequences that no column owns (the REST devices' mutation numbers) are carried too. */
    public static final int FORMAT_VERSION = 2;
    /** The oldest format a restore still reads: 1 differs only in lacking {@link #standaloneSequences}. */
    public static final int OLDEST_READABLE = 1;
    public static final String FILE = "manifest.json";

    /** One table's rows in PostgreSQL's COPY text format, in the column order given. */
    public record TableEntry(String name, List<String> columns, long rows, String file, String sha256) {
    }

    /** A serial column's sequence, so that new rows after a restore do not collide with restored ones. */
    public record SequenceEntry(String table, String column, long lastValue) {
    }

    /** A sequence of the schema that no column owns, by name, so that it goes on after the values it gave out. */
    public record NamedSequence(String name, long lastValue) {
    }

    /** A receipt file of the data directory, by its path under the blob folder. */
    public record BlobEntry(String path, long size, String sha256) {
    }

    /** What a restore sets: none from a format 1 backup. */
    public List<NamedSequence> standaloneSequencesOrNone() {
        return standaloneSequences == null ? List.of() : standaloneSequences;
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }
}
