-- A receipt's category: the account of its client it is booked to (usually an expense account), chosen by
-- the accountant in review or brought by the vendor rule of an imported receipt. Empty until known.
-- Written to run again safely (tests replay the later migrations).
alter table receipts add column if not exists category_account_id uuid;
alter table receipts add constraint if not exists receipts_category_account
    foreign key (category_account_id) references accounts (id);
create index if not exists receipts_by_category on receipts (category_account_id);
