-- The per-route request roll-ups (http.requests.count, http.latency.p95, http.errors.count) name
-- their route here, so metric names stay the plain dotted names every other metric uses.
alter table performance_metrics add column route text;

-- Mutation sequence numbers of the server's own devices (transactions posted through the REST API):
-- handed out in increasing order however many requests run at once, and never again after a restart.
create sequence server_device_sequence;

-- An admin's audit trail of the whole practice, newest first, paged by (at, seq) without sorting.
create index audit_events_by_organization_and_time on audit_events (organization_id, at, seq);
