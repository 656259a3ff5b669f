-- The ledger's word filter reads one client's terms: how many of its payee and memo terms start with a
-- word, and which of its transactions (in a date range) have one. search_terms_by_term_field_day leads
-- with the term, so a short word ("a") read there walks that word's terms in every client (326,000
-- index entries for "a" in a store of 1,000,000 transactions, 9,300 of them the client's). This index
-- leads with the client and the field, so each field's range is the client's own. Covering: the
-- ledger never reads the term rows. Written to run again safely.
create index if not exists search_terms_by_client_field_term
    on search_terms (client_id, field, term, on_day, transaction_id);
