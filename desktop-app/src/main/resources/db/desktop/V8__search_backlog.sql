-- Transactions whose search terms are still to be written. A bulk load (the demo practice, an import)
-- commits its ledger rows and dashboards with one row here per transaction instead of about nine term
-- rows in two indexes; the search indexer then works through this list in chunks of its own write
-- transactions. Single writes index their transaction at once and never come here.
-- Written to run again safely.
create table if not exists search_pending (
    transaction_id  uuid primary key
);
