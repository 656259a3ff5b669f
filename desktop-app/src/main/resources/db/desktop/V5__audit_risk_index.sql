-- The Audit trail screen filters by risk ("high or higher") over a time range, newest first; auditors
-- look at the high and critical events of the whole practice most. Filters by client use
-- audit_events_by_client_and_time (V1). The Receipts screen's "transactions without a receipt" uses
-- the index H2 keeps for the foreign key receipts.transaction_id.
create index if not exists audit_events_by_risk_and_time on audit_events (risk, at);
