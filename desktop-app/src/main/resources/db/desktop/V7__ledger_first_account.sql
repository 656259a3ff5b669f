-- The ledger shows and sorts by the first split's account name. Read through splits and accounts, a
-- page in account order read and sorted every row of the client; kept on the transaction row, it is an
-- indexed column like the date, payee and amount. The write path sets it with the splits, and an account
-- rename updates it in the same write (ADR 0016). One column only: H2 copies the whole table for each
-- column added. Written to run again safely: the fill touches only rows not filled yet.
alter table transactions add column if not exists main_account_name character varying(120);

-- One pass over the first splits (their key is (transaction_id, line_no)), not a subquery per row.
merge into transactions t
using (select s.transaction_id, a.name
       from splits s join accounts a on a.id = s.account_id
       where s.line_no = 0) f
on t.id = f.transaction_id and t.main_account_name is null
when matched then update set t.main_account_name = f.name;

alter table transactions alter column main_account_name set not null;
create index if not exists transactions_by_client_account on transactions (client_id, main_account_name, date, id);
