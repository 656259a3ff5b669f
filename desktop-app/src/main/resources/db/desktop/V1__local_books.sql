-- The books this device keeps, on H2. Money is always a BIGINT of minor units beside its CHAR(3) currency.
-- Identifiers avoid H2's reserved words (day, user, value, key), hence on_day and user_name.

-- The practice this device works for: one row, the tenant every client belongs to.
create table practices (
    id    uuid primary key,
    name  character varying(200) not null
);

create table clients (
    id                 uuid primary key,
    practice_id        uuid not null references practices (id),
    name               character varying(200) not null,
    base_currency      char(3) not null,
    fiscal_year_start  char(5) not null,  -- MM-DD
    closing_date       date               -- everything on or before it is closed
);
create index clients_by_name on clients (name);

create table accounts (
    id         uuid primary key,
    client_id  uuid not null references clients (id),
    code       character varying(16) not null,
    name       character varying(120) not null,
    type       character varying(10) not null check (type in ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    constraint accounts_code_per_client unique (client_id, code)
);

create table tax_codes (
    id              uuid primary key,
    client_id       uuid not null references clients (id),
    code            character varying(16) not null,
    name            character varying(120) not null,
    rate_percent    numeric(7, 4) not null,
    tax_account_id  uuid not null references accounts (id),
    constraint tax_codes_code_per_client unique (client_id, code)
);

create table transactions (
    id               uuid primary key,
    client_id        uuid not null references clients (id),
    date             date not null,
    payee            character varying(200) not null,
    memo             character varying(2000) not null,
    bank_account_id  uuid not null references accounts (id),
    total_minor      bigint not null,
    currency         char(3) not null,
    status           character varying(10) not null check (status in ('DRAFT', 'POSTED')),
    version          bigint not null
);
create index transactions_by_client_and_date on transactions (client_id, date);
create index transactions_by_bank_account_and_date on transactions (bank_account_id, date);

create table splits (
    transaction_id  uuid not null references transactions (id) on delete cascade,
    line_no         integer not null,
    account_id      uuid not null references accounts (id),
    amount_minor    bigint not null,
    currency        char(3) not null,
    tax_code_id     uuid references tax_codes (id),
    memo            character varying(500) not null,
    primary key (transaction_id, line_no)
);
-- Transactions of a client by account: account ids belong to one client, so the account leads.
create index splits_by_account on splits (account_id, transaction_id);

create table receipts (
    id                   uuid primary key,
    client_id            uuid not null references clients (id),
    sha256               char(64) not null,
    original_name        character varying(255) not null,
    media_type           character varying(16) not null,
    size_bytes           bigint not null,
    status               character varying(16) not null
                         check (status in ('PENDING', 'PROCESSING', 'NEEDS_REVIEW', 'COMPLETED', 'FAILED')),
    failure_reason       character varying(1000),
    -- What OCR read; each field is missing or has a confidence in percent.
    vendor               character varying(200),
    vendor_confidence    integer,
    receipt_date         date,
    date_confidence      integer,
    amount_currency      char(3),  -- the currency of total_minor and tax_minor
    total_minor          bigint,
    total_confidence     integer,
    tax_minor            bigint,
    tax_confidence       integer,
    currency             char(3),
    currency_confidence  integer,
    transaction_id       uuid references transactions (id),
    received_at          timestamp with time zone not null,
    -- When reading first finished (review, done or failed): the processing time is processed_at - received_at.
    processed_at         timestamp with time zone,
    -- Set by the accountant's review: how many fields were checked and how many were right as read.
    fields_reviewed      integer,
    fields_accepted      integer
);
create index receipts_by_client_and_status on receipts (client_id, status, received_at);
create index receipts_by_transaction on receipts (transaction_id);
create index receipts_by_sha256 on receipts (sha256);

-- The local audit trail: who changed what, with the record before and after as JSON.
create table audit_events (
    id            uuid primary key,
    at            timestamp with time zone not null,
    user_name     character varying(200) not null,
    client_id     uuid,
    entity_type   character varying(32) not null,
    entity_id     uuid not null,
    action        character varying(32) not null,
    before_state  character varying(1000000),
    after_state   character varying(1000000),
    risk          character varying(10) not null check (risk in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    summary       character varying(300) not null,  -- one line for the recent-activity list
    undoes        uuid,                            -- set on an undo: the event it reverted
    undone        boolean not null default false   -- set on an event once it was reverted
);
create index audit_events_by_time on audit_events (at, id);
create index audit_events_by_client_and_time on audit_events (client_id, at);

-- Precomputed dashboards, maintained in the same database transaction as every write; only posted
-- transactions count. A row whose counts drop to zero is deleted, so the tables hold exactly what a
-- rebuild from the ledger would.

-- Per client, day and account: the debits and credits of the posted transactions that touch it.
create table dash_account_days (
    client_id          uuid not null,
    on_day             date not null,
    account_id         uuid not null,
    currency           char(3) not null,
    debit_minor        bigint not null,
    credit_minor       bigint not null,
    transaction_count  integer not null,
    primary key (client_id, on_day, account_id)
);
create index dash_account_days_by_account on dash_account_days (client_id, account_id, on_day);

-- Per client and day: income (net credits to income accounts), expenses (net debits to expense accounts).
create table dash_client_days (
    client_id          uuid not null,
    on_day             date not null,
    currency           char(3) not null,
    income_minor       bigint not null,
    expense_minor      bigint not null,
    transaction_count  integer not null,
    primary key (client_id, on_day)
);

create table dash_receipt_statuses (
    client_id      uuid not null,
    status         character varying(16) not null,
    receipt_count  integer not null,
    primary key (client_id, status)
);

-- Sums and counts, not averages, so that adding and removing a receipt stays exact.
create table dash_receipt_quality (
    client_id              uuid primary key,
    fields_reviewed        bigint not null,
    fields_accepted        bigint not null,
    processed_count        bigint not null,
    processing_millis_sum  bigint not null
);
