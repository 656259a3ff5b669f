-- The practice (organization_id) in every row and every key of a practice's tables, so that a
-- distributed PostgreSQL can place all of one practice's rows on one node (decision 32):
--   * the nine tables that named only the client get the column, filled from the client (or, for
--     applied_mutations, whose client may be one the push refused, from the device);
--   * every primary key of a practice's table ends with organization_id: the id still leads, so a
--     lookup by id alone keeps its index;
--   * every foreign key to clients names the practice too, so a row can never point at another
--     practice's client.
-- organizations, users and devices keep keys unique across the server (they would be reference
-- tables, copied to every node): an email signs in one user, and a device id is owned by one user, so
-- nobody can push or replay under another practice's device. auth_tokens, blobs, blob_uploads and
-- performance_metrics are not a practice's rows.

alter table client_assignments add column organization_id uuid;
alter table accounts add column organization_id uuid;
alter table tax_codes add column organization_id uuid;
alter table transactions add column organization_id uuid;
alter table postings add column organization_id uuid;
alter table change_log add column organization_id uuid;
alter table applied_mutations add column organization_id uuid;
alter table daily_metrics add column organization_id uuid;
alter table receipts add column organization_id uuid;

update client_assignments x set organization_id = c.organization_id from clients c where c.id = x.client_id;
update accounts x set organization_id = c.organization_id from clients c where c.id = x.client_id;
update tax_codes x set organization_id = c.organization_id from clients c where c.id = x.client_id;
update transactions x set organization_id = c.organization_id from clients c where c.id = x.client_id;
update postings x set organization_id = c.organization_id from clients c where c.id = x.client_id;
update change_log x set organization_id = c.organization_id from clients c where c.id = x.client_id;
update applied_mutations x set organization_id = d.organization_id from devices d where d.id = x.device_id;
update daily_metrics x set organization_id = c.organization_id from clients c where c.id = x.client_id;
update receipts x set organization_id = c.organization_id from clients c where c.id = x.client_id;

alter table client_assignments alter column organization_id set not null;
alter table accounts alter column organization_id set not null;
alter table tax_codes alter column organization_id set not null;
alter table transactions alter column organization_id set not null;
alter table postings alter column organization_id set not null;
alter table change_log alter column organization_id set not null;
alter table applied_mutations alter column organization_id set not null;
alter table daily_metrics alter column organization_id set not null;
alter table receipts alter column organization_id set not null;

-- The foreign keys to clients (id) go before its key changes, and come back naming the practice.
alter table client_assignments drop constraint client_assignments_client_id_fkey;
alter table accounts drop constraint accounts_client_id_fkey;
alter table tax_codes drop constraint tax_codes_client_id_fkey;
alter table daily_metrics drop constraint daily_metrics_client_id_fkey;
alter table receipts drop constraint receipts_client_id_fkey;

alter table clients drop constraint clients_pkey, add primary key (id, organization_id);
alter table entities drop constraint entities_pkey, add primary key (id, organization_id);
alter table client_assignments drop constraint client_assignments_pkey,
    add primary key (user_id, client_id, organization_id);
alter table accounts drop constraint accounts_pkey, add primary key (id, organization_id);
alter table tax_codes drop constraint tax_codes_pkey, add primary key (id, organization_id);
alter table transactions drop constraint transactions_pkey, add primary key (id, organization_id);
alter table postings drop constraint postings_pkey, add primary key (transaction_id, account_id, organization_id);
alter table change_log drop constraint change_log_pkey, add primary key (client_id, seq, organization_id);
alter table applied_mutations drop constraint applied_mutations_pkey,
    add primary key (device_id, mutation_id, organization_id);
alter table daily_metrics drop constraint daily_metrics_pkey, add primary key (client_id, day, organization_id);
alter table receipts drop constraint receipts_pkey, add primary key (id, organization_id);

alter table client_assignments add constraint client_assignments_client_fkey
    foreign key (client_id, organization_id) references clients (id, organization_id);
alter table accounts add constraint accounts_client_fkey
    foreign key (client_id, organization_id) references clients (id, organization_id);
alter table tax_codes add constraint tax_codes_client_fkey
    foreign key (client_id, organization_id) references clients (id, organization_id);
alter table daily_metrics add constraint daily_metrics_client_fkey
    foreign key (client_id, organization_id) references clients (id, organization_id);
alter table receipts add constraint receipts_client_fkey
    foreign key (client_id, organization_id) references clients (id, organization_id);
