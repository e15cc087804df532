-- The access log in monthly partitions (by occurred_at, months starting at midnight in
-- China), so that a month older than the retention period (at least six months) can be
-- detached whole and archived instead of deleted row by row. Entries stay append-only: the
-- row triggers are cloned to every partition, and each partition refuses TRUNCATE too.
alter table audit_entry rename to audit_entry_unpartitioned;
alter index audit_entry_occurred_idx rename to audit_entry_unpartitioned_occurred_idx;
alter index audit_entry_record_idx rename to audit_entry_unpartitioned_record_idx;
alter index audit_entry_actor_idx rename to audit_entry_unpartitioned_actor_idx;
alter table audit_entry_unpartitioned rename constraint audit_entry_action_check
    to audit_entry_unpartitioned_action_check;

create sequence audit_entry_partitioned_id_seq;

create table audit_entry (
    id             bigint not null default nextval('audit_entry_partitioned_id_seq'),
    occurred_at    timestamptz not null default now(),
    actor_id       bigint,
    actor_username varchar(40) not null,
    action         varchar(16) not null
        constraint audit_entry_action_check
        check (action in ('VIEW', 'CREATE', 'UPDATE', 'STATUS', 'REVEAL', 'EXPORT', 'IMPORT', 'SIGN_IN',
                          'SIGN_IN_FAILED', 'LOCKED_OUT', 'SIGN_OUT', 'DENIED', 'OUT_OF_SCOPE')),
    record_type    varchar(32) not null,
    record_id      bigint,
    summary        varchar(500),
    remote_address varchar(64),
    primary key (id, occurred_at)
) partition by range (occurred_at);

alter sequence audit_entry_partitioned_id_seq owned by audit_entry.id;

create index audit_entry_occurred_idx on audit_entry (occurred_at desc);
create index audit_entry_record_idx on audit_entry (record_type, record_id);
create index audit_entry_actor_idx on audit_entry (actor_username);

-- The partition of the month holding the given day, created when missing; its name is
-- audit_entry_YYYY_MM.
create function audit_entry_add_month(day date) returns text as $$
declare
    first date := date_trunc('month', day)::date;
    name  text := 'audit_entry_' || to_char(first, 'YYYY_MM');
begin
    if to_regclass(name) is null then
        execute format('create table %I partition of audit_entry for values from (%L) to (%L)', name,
                       first::text || ' 00:00:00+08', (first + interval '1 month')::date::text || ' 00:00:00+08');
        execute format('create trigger audit_entry_no_truncate before truncate on %I '
                       || 'for each statement execute function audit_entry_refuse_change()', name);
    end if;
    return name;
end;
$$ language plpgsql;

do $$
declare
    month date := coalesce((select min(occurred_at at time zone 'Asia/Shanghai')::date
                            from audit_entry_unpartitioned), current_date);
begin
    while month <= (current_date + interval '2 months')::date loop
        perform audit_entry_add_month(month);
        month := (date_trunc('month', month) + interval '1 month')::date;
    end loop;
end;
$$;

-- rows of a month whose partition the job has not created yet land here, never lost
create table audit_entry_default partition of audit_entry default;
create trigger audit_entry_default_no_truncate before truncate on audit_entry_default
    for each statement execute function audit_entry_refuse_change();

insert into audit_entry (id, occurred_at, actor_id, actor_username, action, record_type, record_id, summary,
                         remote_address)
select id, occurred_at, actor_id, actor_username, action, record_type, record_id, summary, remote_address
from audit_entry_unpartitioned;

select setval('audit_entry_partitioned_id_seq', coalesce((select max(id) from audit_entry), 0) + 1, false);

drop table audit_entry_unpartitioned;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
