-- Sync with the server (decision 28). Nothing here is written until the accountant signs in. Written to
-- run again safely.

-- The server this device syncs with, as whom, and under which device id; one row at most.
create table if not exists sync_account (
    id               int primary key check (id = 1),
    server_url       character varying(500) not null,
    email            character varying(320) not null,
    user_id          uuid not null,
    organization_id  uuid not null,
    device_id        uuid not null,
    signed_in_at     timestamp with time zone not null
);

-- Local changes waiting for the server, in the order they were made (the device sequence). Written in
-- the same transaction as the change. base_version is fixed when the mutation is first sent, so a
-- retry sends the very same mutation; a row never sent is replaced by a later change of its entity.
create sequence if not exists sync_device_sequence start with 1;

create table if not exists sync_outbox (
    sequence      bigint primary key,
    mutation_id   uuid not null unique,
    client_id     uuid not null,
    entity_type   character varying(32) not null,
    entity_id     uuid not null,
    operation     character varying(8) not null,
    payload       character varying,
    base_version  bigint,
    sent          boolean not null default false,
    created_at    timestamp with time zone not null
);
create index if not exists sync_outbox_by_entity on sync_outbox (entity_id, sequence);

-- What the server answered for each mutation: exactly one row per mutation that left the device.
create table if not exists sync_journal (
    mutation_id  uuid primary key,
    sequence     bigint not null,
    client_id    uuid not null,
    entity_type  character varying(32) not null,
    entity_id    uuid not null,
    operation    character varying(8) not null,
    outcome      character varying(16) not null,
    version      bigint,
    code         character varying(64),
    decided_at   timestamp with time zone not null
);

-- The server's state of every entity this device has seen: its version and payload (the base of the
-- next change, what a refused change goes back to, one side of a conflict).
create table if not exists sync_entities (
    entity_id    uuid primary key,
    client_id    uuid not null,
    entity_type  character varying(32) not null,
    version      bigint not null,
    deleted      boolean not null,
    payload      character varying
);
create index if not exists sync_entities_by_client on sync_entities (client_id, entity_type);

-- Where this device stands in each client's change log on the server.
create table if not exists sync_cursors (
    client_id   uuid primary key,
    cursor      character varying(200) not null,
    pulled_at   timestamp with time zone not null
);

-- Refused and conflicting changes, kept with both sides until the accountant decides.
create table if not exists sync_inbox (
    id              uuid primary key,
    client_id       uuid not null,
    entity_type     character varying(32) not null,
    entity_id       uuid not null,
    mutation_id     uuid not null,
    kind            character varying(16) not null,
    code            character varying(64),
    message         character varying(2000) not null,
    mine            character large object,
    theirs          character large object,
    server_version  bigint,
    created_at      timestamp with time zone not null,
    resolved_at     timestamp with time zone,
    resolution      character varying(16),
    resolved_by     character varying(200)
);
create index if not exists sync_inbox_open on sync_inbox (resolved_at, created_at);
