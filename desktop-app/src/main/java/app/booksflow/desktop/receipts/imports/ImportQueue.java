package app.booksflow.desktop.receipts.imports;

import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.receipt.Sha256;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The import queue in the books (V10): batches and their files with the state each got to. Plain JDBC.
 * Queuing commits before any file is read; the end state of a file that makes a receipt is written in
 * the receipt's own transaction ({@link #finish(Connection, long, ImportFileState, String, Sha256, ReceiptId, Instant)}).
 */
public final class ImportQueue {

    /** A file to queue, as found on disk. */
    public record NewFile(Path path, long size, Instant modified) {
    }

    public record BatchRow(UUID id, ClientId client, String source, boolean paused, Instant createdAt,
            Optional<Instant> finishedAt) {
    }

    public record FileRow(long id, UUID batch, int order, Path path, long size, ImportFileState state,
            Optional<String> reason, Optional<ReceiptId> receipt, Instant queuedAt) {
    }

    private final LocalStore store;

    public ImportQueue(LocalStore store) {
        this.store = store;
    }

    /** Queues the files as one batch in one transaction; returns its id. */
    public UUID enqueue(ClientId client, String source, List<NewFile> files, Instant now) {
        UUID batch = UUID.randomUUID();
        store.inTransaction(session -> {
            session.doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into receipt_imports (id, client_id, source, paused, created_at) values (?, ?, ?, false, ?)")) {
                    insert.setObject(1, batch);
                    insert.setObject(2, client.value());
                    insert.setString(3, clip(source, 4000));
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into receipt_import_files (import_id, file_order, path, size_bytes, modified_at, state, queued_at)
                        values (?, ?, ?, ?, ?, 'QUEUED', ?)
                        """)) {
                    for (int i = 0; i < files.size(); i++) {
                        NewFile file = files.get(i);
                        insert.setObject(1, batch);
                        insert.setInt(2, i);
                        insert.setString(3, file.path().toString());
                        insert.setLong(4, file.size());
                        insert.setTimestamp(5, file.modified() == null ? null : Timestamp.from(file.modified()));
                        insert.setTimestamp(6, Timestamp.from(now));
                        insert.addBatch();
                        if (i % 500 == 499) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
            });
            return null;
        });
        return batch;
    }

    /**
     * Puts files left READING by a run that stopped (quit, crash) back in the queue. Their receipts were
     * not committed (that happens with the end state), so reading them again adds nothing twice.
     */
    public int requeueInterrupted() {
        return store.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update receipt_import_files set state = 'QUEUED', started_at = null where state = 'READING'")) {
                return update.executeUpdate();
            }
        }));
    }

    /** The next queued files of batches that are not paused, oldest batch first, in their order. */
    public List<FileRow> nextQueued(int limit) {
        return store.readJdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement(FILE_COLUMNS + """
                    from receipt_import_files f join receipt_imports i on i.id = f.import_id
                    where f.state = 'QUEUED' and not i.paused
                    order by i.created_at, f.import_id, f.file_order
                    limit ?
                    """)) {
                select.setInt(1, limit);
                return files(select);
            }
        });
    }

    /**
     * Marks the files as being read and returns those that were still queued. Not forced to disk: a crash before the next forced write only leaves
     * them QUEUED, which is where {@link #requeueInterrupted()} would put them anyway.
     */
    public List<Long> markReading(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return store.inDerivedTransaction(connection -> {
            List<Long> marked = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement(
                    "update receipt_import_files set state = 'READING', started_at = ? where id = ? and state = 'QUEUED'")) {
                for (long id : ids) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setLong(2, id);
                    if (update.executeUpdate() == 1) {
                        marked.add(id);
                    }
                }
            }
            return marked;
        });
    }

    /** Puts files whose reading was stopped back in the queue. */
    public void requeue(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        store.inTransaction(session -> {
            session.doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "update receipt_import_files set state = 'QUEUED', started_at = null where id = ? and state = 'READING'")) {
                    for (long id : ids) {
                        update.setLong(1, id);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            });
            return null;
        });
    }

    /** Writes a file's end state in a transaction of its own (for files that make no receipt). */
    public void finish(long id, ImportFileState state, String reason, Sha256 sha256, ReceiptId receipt, Instant now) {
        store.inTransaction(session -> {
            session.doWork(connection -> finish(connection, id, state, reason, sha256, receipt, now));
            return null;
        });
    }

    /** Writes a file's end state on the connection of a transaction in progress. */
    public static void finish(Connection connection, long id, ImportFileState state, String reason, Sha256 sha256,
            ReceiptId receipt, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update receipt_import_files set state = ?, reason = ?, sha256 = coalesce(?, sha256), receipt_id = ?,
                    finished_at = ?
                where id = ?
                """)) {
            update.setString(1, state.name());
            update.setString(2, reason == null ? null : clip(reason, 1000));
            update.setString(3, sha256 == null ? null : sha256.hex());
            update.setObject(4, receipt == null ? null : receipt.value());
            update.setTimestamp(5, Timestamp.from(now));
            update.setLong(6, id);
            update.executeUpdate();
        }
    }

    /** Cancels the batch's files not read yet; files being read finish. Returns how many were cancelled. */
    public int cancel(UUID batch, Instant now) {
        return store.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update receipt_import_files set state = 'CANCELLED', reason = 'The import was cancelled.',
                        finished_at = ?
                    where import_id = ? and state = 'QUEUED'
                    """)) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setObject(2, batch);
                return update.executeUpdate();
            }
        }));
    }

    /** Puts the batch's cancelled files back in the queue; returns how many. */
    public int requeueCancelled(UUID batch) {
        return store.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update receipt_import_files set state = 'QUEUED', reason = null, finished_at = null
                    where import_id = ? and state = 'CANCELLED'
                    """)) {
                update.setObject(1, batch);
                int count = update.executeUpdate();
                try (PreparedStatement reopen = connection.prepareStatement(
                        "update receipt_imports set finished_at = null where id = ?")) {
                    reopen.setObject(1, batch);
                    reopen.executeUpdate();
                }
                return count;
            }
        }));
    }

    public void setPaused(UUID batch, boolean paused) {
        store.inTransaction(session -> {
            session.doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "update receipt_imports set paused = ? where id = ?")) {
                    update.setBoolean(1, paused);
                    update.setObject(2, batch);
                    update.executeUpdate();
                }
            });
            return null;
        });
    }

    /** Marks batches without queued or reading files as finished; returns their ids. */
    public List<UUID> finishIdleBatches(Instant now) {
        return store.inTransaction(session -> session.doReturningWork(connection -> {
            List<UUID> idle = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select i.id from receipt_imports i where i.finished_at is null and not exists (
                        select 1 from receipt_import_files f where f.import_id = i.id and f.state in ('QUEUED', 'READING'))
                    """); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    idle.add(rows.getObject(1, UUID.class));
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update receipt_imports set finished_at = ? where id = ?")) {
                for (UUID id : idle) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setObject(2, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return idle;
        }));
    }

    /** Batches not finished yet, oldest first. */
    public List<BatchRow> unfinishedBatches() {
        return store.readJdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, client_id, source, paused, created_at, finished_at from receipt_imports
                    where finished_at is null order by created_at, id
                    """); ResultSet rows = select.executeQuery()) {
                List<BatchRow> batches = new ArrayList<>();
                while (rows.next()) {
                    batches.add(new BatchRow(rows.getObject(1, UUID.class), new ClientId(rows.getObject(2, UUID.class)),
                            rows.getString(3), rows.getBoolean(4), rows.getTimestamp(5).toInstant(),
                            Optional.ofNullable(rows.getTimestamp(6)).map(Timestamp::toInstant)));
                }
                return batches;
            }
        });
    }

    /** Every file of the batch, in order. */
    public List<FileRow> files(UUID batch) {
        return store.readJdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement(FILE_COLUMNS
                    + " from receipt_import_files f where f.import_id = ? order by f.file_order")) {
                select.setObject(1, batch);
                return files(select);
            }
        });
    }

    /** True when this version of the file (path, size and modification time) was queued before. */
    public boolean wasQueued(Path path, long size, Instant modified) {
        return store.readJdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select 1 from receipt_import_files where path = ? and size_bytes = ? and modified_at = ? limit 1
                    """)) {
                select.setString(1, path.toString());
                select.setLong(2, size);
                select.setTimestamp(3, Timestamp.from(modified));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    private static final String FILE_COLUMNS = """
            select f.id, f.import_id, f.file_order, f.path, f.size_bytes, f.state, f.reason, f.receipt_id, f.queued_at
            """;

    private static List<FileRow> files(PreparedStatement select) throws SQLException {
        List<FileRow> files = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                files.add(new FileRow(rows.getLong(1), rows.getObject(2, UUID.class), rows.getInt(3),
                        Path.of(rows.getString(4)), rows.getLong(5), ImportFileState.valueOf(rows.getString(6)),
                        Optional.ofNullable(rows.getString(7)),
                        Optional.ofNullable(rows.getObject(8, UUID.class)).map(ReceiptId::new),
                        rows.getTimestamp(9).toInstant()));
            }
        }
        return files;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
