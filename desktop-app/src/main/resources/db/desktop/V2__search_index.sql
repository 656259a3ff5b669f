-- The search index: one row per distinct word (lower-cased, accents folded) or amount form of a
-- transaction, maintained in the same database transaction as every write of the transaction. The
-- term leads its own index so that a word being typed is a range lookup, never a scan of transactions.
-- No foreign key: the demo load inserts terms beside batched transaction rows, and the index is
-- derived data that the tests compare with a rebuild from the ledger.
create table search_terms (
    term            character varying(64) not null,
    transaction_id  uuid not null,
    field           tinyint not null,  -- 0 payee, 1 memo, 2 split memo, 3 amount
    client_id       uuid not null,
    on_day          date not null,     -- the transaction's date: ranks newer first without a join
    primary key (transaction_id, field, term)
);
create index search_terms_by_term on search_terms (term);
