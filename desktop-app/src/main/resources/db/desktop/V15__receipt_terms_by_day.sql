-- Each receipt term carries its receipt's arrival, and the index by term holds every column a search
-- reads: the newest receipts of a word are chosen from the index alone, without reading a receipt row
-- per candidate (ADR 0025). Written to run again safely.
alter table receipt_terms add column if not exists received_at timestamp with time zone;
update receipt_terms t set received_at = (select r.received_at from receipts r where r.id = t.receipt_id)
    where received_at is null;
alter table receipt_terms alter column received_at set not null;
create index if not exists receipt_terms_by_term_day on receipt_terms (term, received_at desc, receipt_id, client_id);
drop index if exists receipt_terms_by_term;
