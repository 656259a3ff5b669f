-- The ledger screen reads a page of one client's transactions in date, payee or amount order. Each index
-- leads with the client and ends on the id (the order's tiebreak), so the first page of any of these
-- orders is read in index order without sorting the client's whole ledger. The (client, date, id) index
-- replaces (client, date): it serves every query that one did. Written to be re-runnable.
create index if not exists transactions_by_client_date_id on transactions (client_id, date, id);
drop index if exists transactions_by_client_and_date;

-- Payees sort ignoring case ("paper & co" beside "Pannier Ltd", not after "Zed"); H2 indexes columns,
-- not expressions, so the lower-cased payee is a generated column that nothing writes.
alter table transactions add column if not exists payee_key character varying(200) generated always as (lower(payee));
create index if not exists transactions_by_client_payee on transactions (client_id, payee_key, date, id);
create index if not exists transactions_by_client_total on transactions (client_id, total_minor, date, id);
