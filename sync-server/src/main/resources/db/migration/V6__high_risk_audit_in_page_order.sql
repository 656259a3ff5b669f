-- The audit trail filtered to high risk ("risk=HIGH": HIGH and CRITICAL) for one client, or for the whole
-- practice, read in page order (at desc, seq desc) as the unfiltered trail is read by V5's index. The V1
-- partial index on (at) alone served neither: a client's high-risk page walked the whole server's high-risk
-- events newest first, and at ten million events that made it the slowest query of the load test.
create index audit_events_high_risk_by_client_in_page_order on audit_events (client_id, at, seq)
    where risk in ('HIGH', 'CRITICAL');
create index audit_events_high_risk_in_page_order on audit_events (organization_id, at, seq)
    where risk in ('HIGH', 'CRITICAL');
drop index audit_events_high_risk_by_time;
