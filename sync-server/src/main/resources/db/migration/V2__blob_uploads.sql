-- Who has uploaded which file. A blob is stored once for everyone, so its existence must not be
-- visible to a user who never had it: "does the server have this file?" is answered from this table
-- (and from receipts the user may see), never from the blobs table alone.
create table blob_uploads (
    sha256       char(64) not null references blobs (sha256),
    user_id      uuid not null references users (id),
    uploaded_at  timestamptz not null,
    primary key (sha256, user_id)
);
