-- Each practice's audit chain runs in eight lanes (ADR 0045): a write locks one free lane's head until it
-- commits, so up to eight writes of one practice wait for the disk together instead of one after another.

alter table audit_chain_heads add column lane smallint not null default 0;
alter table audit_chain_heads drop constraint audit_chain_heads_pkey;
alter table audit_chain_heads add primary key (organization_id, lane);
alter table audit_chain_heads alter column lane drop default;

-- Rows written so far are lane 0; their hashes are unchanged.
alter table audit_events add column lane smallint not null default 0;

insert into audit_chain_heads (organization_id, lane, seq, hash)
select head.organization_id, added.lane, 0, decode(repeat('00', 32), 'hex')
from audit_chain_heads head cross join generate_series(1, 7) as added (lane)
where head.lane = 0;

-- Row numbers come from one sequence, unique across practices and increasing along every lane. Owned by the
-- column, so that backups carry its value.
create sequence audit_events_seq owned by audit_events.seq;
select setval('audit_events_seq', coalesce((select max(seq) from audit_events), 0) + 1, false);
