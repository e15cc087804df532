-- The append-only access log: every view of a child's page, every change to a child or
-- volunteer, every reveal of a masked number and every export. Nobody can edit or delete an
-- entry, not even through SQL: the triggers below refuse UPDATE, DELETE and TRUNCATE.
create table audit_entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    actor_id       bigint,
    actor_username varchar(40) not null,
    action         varchar(16) not null
        check (action in ('VIEW', 'CREATE', 'UPDATE', 'STATUS', 'REVEAL', 'EXPORT', 'IMPORT')),
    record_type    varchar(32) not null,
    record_id      bigint,
    summary        varchar(500),
    remote_address varchar(64)
);

create index audit_entry_occurred_idx on audit_entry (occurred_at desc);
create index audit_entry_record_idx on audit_entry (record_type, record_id);
create index audit_entry_actor_idx on audit_entry (actor_username);

create function audit_entry_refuse_change() returns trigger as $$
begin
    raise exception 'audit entries cannot be changed or deleted';
end;
$$ language plpgsql;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
