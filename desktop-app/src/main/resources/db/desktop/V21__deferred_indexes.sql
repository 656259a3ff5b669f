-- Indexes set aside while a first sync fills books that hold no ledger yet, with the statement that makes
-- each again (docs/decisions/0048-first-sync-before-the-ledger-indexes.md). A row is written, and on disk,
-- before its index is dropped; it goes once the index is back. Books opened with rows here get their
-- indexes back before anything else. Written to run again safely.
create table if not exists deferred_indexes (
    name        character varying(128) primary key,
    definition  character varying(2000) not null
);
