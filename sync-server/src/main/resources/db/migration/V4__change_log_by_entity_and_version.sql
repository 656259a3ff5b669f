-- A push made on an older version of master data (a client, an account, a tax code) is merged field by
-- field into the server's version (ADR 0027). The merge reads the payload the device based its change
-- on: the entity's row of the change log at that version, found through this index.
create index change_log_by_entity_and_version on change_log (entity_id, version);
