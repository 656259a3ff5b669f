-- How many writes these books have saved: each write that the app reports as saved adds one in its own
-- transaction. The folder's lock file holds the same count, written after the write reached the file, so
-- that a start after a crash can tell whether the database came back without writes it had saved
-- (docs/decisions/0042-saved-writes-counted-beside-the-books.md). Written to run again safely.
create table if not exists saved_writes (
    id     integer primary key,
    saved  bigint not null
);
insert into saved_writes (id, saved) select 1, 0 where not exists (select 1 from saved_writes);
