-- One client's audit trail is read newest first by (at, seq), 50 at a time. On (client_id, at) alone the
-- database had to read and sort every event of the client to find the newest 50, which took hundreds of
-- milliseconds at a million transactions; in page order the read stops after the page.
create index audit_events_by_client_in_page_order on audit_events (client_id, at, seq);
drop index audit_events_by_client_and_time;
