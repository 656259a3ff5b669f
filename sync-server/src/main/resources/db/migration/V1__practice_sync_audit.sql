-- The practice: tenants, people, sessions.
create table organizations (
    id          uuid primary key,
    name        text not null,
    created_at  timestamptz not null default now()
);

create table users (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    email            text not null unique,
    display_name     text not null,
    role             text not null check (role in ('ADMIN', 'ACCOUNTANT', 'CLIENT')),
    client_id        uuid,
    password_hash    text not null,
    disabled         boolean not null default false,
    created_at       timestamptz not null default now()
);
create index users_by_organization on users (organization_id);

-- Opaque bearer tokens; only their SHA-256 is stored.
create table auth_tokens (
    token_hash  bytea primary key,
    user_id     uuid not null references users (id),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index auth_tokens_by_user on auth_tokens (user_id);

-- A device belongs to the user who first pushed from it; nobody else may push or replay under its id.
create table devices (
    id               uuid primary key,
    user_id          uuid not null references users (id),
    organization_id  uuid not null references organizations (id),
    first_seen_at    timestamptz not null,
    last_seen_at     timestamptz not null
);

-- Clients are the unit of sync: change_seq is the last number handed out in this client's change log.
-- Updating it row-locks the client until commit, which is what keeps the pull cursor gap-free.
create table clients (
    id                 uuid primary key,
    organization_id    uuid not null references organizations (id),
    name               text not null,
    base_currency      char(3) not null,
    fiscal_year_start  char(5) not null,
    closing_date       date,
    change_seq         bigint not null default 0
);
create index clients_by_organization on clients (organization_id, name);

create table client_assignments (
    user_id    uuid not null references users (id),
    client_id  uuid not null references clients (id),
    primary key (user_id, client_id)
);
create index client_assignments_by_client on client_assignments (client_id);

-- The current state of every synchronized entity, as the JSON text the protocol carries (kept as text:
-- it is written once and served verbatim, never queried by field).
create table entities (
    id               uuid primary key,
    entity_type      text not null,
    organization_id  uuid not null references organizations (id),
    client_id        uuid not null,
    version          bigint not null check (version >= 1),
    deleted          boolean not null default false,
    payload          text,
    updated_at       timestamptz not null
);
create index entities_by_client on entities (client_id, entity_type);

-- Projections for queries (reports, dashboards, checksums), maintained with the entities.
create table accounts (
    id         uuid primary key,
    client_id  uuid not null references clients (id),
    code       text not null,
    name       text not null,
    type       text not null
);
create index accounts_by_client on accounts (client_id, code);

create table tax_codes (
    id              uuid primary key,
    client_id       uuid not null references clients (id),
    code            text not null,
    name            text not null,
    rate_percent    numeric(9, 4) not null,
    tax_account_id  uuid not null
);
create index tax_codes_by_client on tax_codes (client_id);

-- The tables the push path writes in bulk (transactions, postings, change_log, audit_events) have no
-- foreign keys: PostgreSQL checks each with a per-row trigger, which halves bulk insert speed. The push
-- path checks these references itself while it holds the client's row lock.
create table transactions (
    id               uuid primary key,
    client_id        uuid not null,
    date             date not null,
    payee            text not null,
    memo             text not null,
    bank_account_id  uuid not null,
    total_minor      bigint not null,
    currency         char(3) not null,
    status           text not null check (status in ('DRAFT', 'POSTED'))
);
create index transactions_by_client_and_date on transactions (client_id, date);

-- The double entry of each transaction: one row per account, debits positive.
create table postings (
    transaction_id  uuid not null,
    client_id       uuid not null,
    account_id      uuid not null,
    amount_minor    bigint not null,
    primary key (transaction_id, account_id)
);
create index postings_by_client_and_account on postings (client_id, account_id);

-- The client's change log, in commit order; a device's cursor is the last seq it has applied.
create table change_log (
    client_id     uuid not null,
    seq           bigint not null,
    entity_type   text not null,
    entity_id     uuid not null,
    kind          text not null check (kind in ('UPSERT', 'TOMBSTONE')),
    version       bigint not null,
    payload       text,
    mutation_id   uuid not null,
    device_id     uuid not null,
    committed_at  timestamptz not null,
    primary key (client_id, seq)
);

-- One row per mutation ever received: a repeated push answers from here and changes nothing.
create table applied_mutations (
    device_id    uuid not null,
    mutation_id  uuid not null,
    client_id    uuid not null,
    user_id      uuid not null,
    outcome      text not null,
    received_at  timestamptz not null,
    primary key (device_id, mutation_id)
);

-- The audit trail: append-only, one hash chain per organization.
create table audit_events (
    organization_id  uuid not null,
    seq              bigint not null,
    id               uuid not null,  -- time-ordered and unique by construction; rows are found by (practice, seq)
    at               timestamptz not null,
    actor_id         uuid,
    device_id        uuid,
    client_id        uuid,
    entity_type      text not null,
    entity_id        uuid not null,
    action           text not null,
    before_state     text,
    after_state      text,
    risk             text not null check (risk in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    prev_hash        bytea not null,
    hash             bytea not null,
    primary key (organization_id, seq)
);
create index audit_events_by_client_and_time on audit_events (client_id, at);
create index audit_events_high_risk_by_time on audit_events (at) where risk in ('HIGH', 'CRITICAL');

create table audit_chain_heads (
    organization_id  uuid primary key references organizations (id),
    seq              bigint not null,
    hash             bytea not null
);

create function audit_events_are_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_events_append_only
    before update or delete or truncate on audit_events
    for each statement execute function audit_events_are_append_only();

-- Per client and day: what the dashboard shows, maintained with every posted transaction.
create table daily_metrics (
    client_id          uuid not null references clients (id),
    day                date not null,
    income_minor       bigint not null default 0,
    expense_minor      bigint not null default 0,
    transaction_count  integer not null default 0,
    primary key (client_id, day)
);

create table performance_metrics (
    id         bigserial primary key,
    name       text not null,
    client_id  uuid,
    value      numeric not null,
    unit       text not null,
    at         timestamptz not null
);
create index performance_metrics_by_name_and_time on performance_metrics (name, at);

-- Receipt files, stored once by content hash.
create table blobs (
    sha256      char(64) primary key,
    size        bigint not null,
    media_type  text not null,
    stored_at   timestamptz not null
);

create table receipts (
    id              uuid primary key,
    client_id       uuid not null references clients (id),
    sha256          char(64) not null,
    original_name   text not null,
    media_type      text not null,
    size            bigint not null,
    status          text not null,
    transaction_id  uuid,
    received_at     timestamptz not null
);
create index receipts_by_client_and_status on receipts (client_id, status);
create index receipts_by_sha256 on receipts (sha256);

-- Headline numbers of every client for the practice overview, refreshed on a schedule and on demand.
create materialized view dashboard_overview as
select c.id as client_id,
       c.organization_id,
       coalesce(sum(m.income_minor) filter (where m.day >= date_trunc('month', current_date)), 0) as income_this_month,
       coalesce(sum(m.expense_minor) filter (where m.day >= date_trunc('month', current_date)), 0) as expenses_this_month,
       coalesce(sum(m.income_minor) filter (where m.day >= date_trunc('month', current_date) - interval '1 month'
                                                and m.day < date_trunc('month', current_date)), 0) as income_last_month,
       coalesce(sum(m.expense_minor) filter (where m.day >= date_trunc('month', current_date) - interval '1 month'
                                                 and m.day < date_trunc('month', current_date)), 0) as expenses_last_month,
       coalesce(sum(m.transaction_count), 0) as transaction_count,
       now() as refreshed_at
from clients c
left join daily_metrics m on m.client_id = c.id
group by c.id, c.organization_id;
create unique index dashboard_overview_by_client on dashboard_overview (client_id);
