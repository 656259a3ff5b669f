-- The ledger's text filter with punctuation ("card takings,", "-") is the text as typed inside the payee or
-- memo. Few distinct payees and memos make up a client's rows, so the distinct values holding the text are
-- found by stepping from one value to the next in an index, one look-up each, instead of reading every row
-- (ADR 0026). The payee has its index (V4); this is the memo's. Written to run again safely.
create index if not exists transactions_by_client_memo on transactions (client_id, memo);
