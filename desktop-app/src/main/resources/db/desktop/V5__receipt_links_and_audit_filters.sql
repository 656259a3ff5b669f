-- The Receipts screen lists the transactions no receipt backs yet (a NOT EXISTS on receipts per
-- transaction), and deleting a transaction looks up its receipts: both by transaction_id.
create index if not exists receipts_by_transaction on receipts (transaction_id);

-- The Audit trail screen filters by risk level ("high and above") over a time range, newest first,
-- for one client or for the whole practice.
create index audit_events_by_risk_and_time on audit_events (risk, at);
create index audit_events_by_client_risk_and_time on audit_events (client_id, risk, at);
