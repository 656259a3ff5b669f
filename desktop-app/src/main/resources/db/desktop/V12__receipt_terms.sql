-- The words of each receipt (its vendor, file name and the text OCR read) for the search across clients:
-- one row per receipt and distinct term, kept in the same write as the receipt. Filled for receipts
-- already in the books by V13. Written to run again safely.
create table if not exists receipt_terms (
    receipt_id  uuid not null references receipts (id),
    term        character varying(64) not null,
    client_id   uuid not null,
    primary key (receipt_id, term)
);
create index if not exists receipt_terms_by_term on receipt_terms (term, receipt_id, client_id);
