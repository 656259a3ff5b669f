-- The ledger's text filter with punctuation ("card takings,", "-") is the text as typed inside the payee or
-- memo. Few distinct payees and memos make up a client's rows, so the distinct values holding the text are
-- found by stepping from one value to the next in an index, one look-up each, instead of reading every row
-- (ADR 0026). The payee has its index (V4); this is the memo's. Written to run again safely.
create index if not exists transactions_by_client_memo on transactions (client_id, memo);
-- A word's gathered transactions (ADR 0023) are filtered and sorted on their date, amount, payee or account:
-- this index holds them after the id, so each candidate costs one look-up here instead of the primary key's
-- and then the row's.
create index if not exists transactions_by_id_keys
    on transactions (id, client_id, date, total_minor, payee_key, main_account_name, bank_account_id);
