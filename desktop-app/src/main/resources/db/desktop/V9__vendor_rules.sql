-- What the accountant taught about a client's vendors: a receipt whose vendor reads as vendor_key
-- (its letters and digits, lower case, no accents) is from vendor_name and is booked, unless said
-- otherwise, to the account used last time. Kept on this device only; learned again from the next
-- correction on another one. Written to run again safely.
create table if not exists vendor_rules (
    client_id    uuid not null references clients (id),
    vendor_key   character varying(200) not null,
    vendor_name  character varying(200) not null,
    account_id   uuid references accounts (id),
    updated_at   timestamp with time zone not null,
    updated_by   character varying(200) not null,
    primary key (client_id, vendor_key)
);
