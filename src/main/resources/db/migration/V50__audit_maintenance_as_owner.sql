-- Least privilege: the application may connect as a role that owns nothing (DB_USER), while
-- Flyway migrates as the owner (DB_MIGRATION_USER). Keeping the access log's monthly partitions
-- needs the owner (creating a partition, detaching an old month), so both steps run as functions
-- with the owner's rights, each doing only what the retention rule allows: create the partition
-- of a month, or detach for the archive a month that ended at least six months ago. The grants
-- to the application's role are in afterMigrate__grant_application_role.sql (run after every
-- migration, so that tables added later are covered too).
alter function audit_entry_add_month(date) security definer set search_path = public, pg_temp;

create function audit_entry_archive_month(partition text) returns text as $$
declare
    month   date;
    archive text;
begin
    if partition !~ '^audit_entry_[0-9]{4}_[0-9]{2}$' then
        raise exception 'not a monthly partition of the access log: %', partition;
    end if;
    month := to_date(substr(partition, 13), 'YYYY_MM');
    if (month + interval '1 month')::date > (now() at time zone 'Asia/Shanghai')::date - interval '6 months' then
        raise exception 'the access log keeps at least six months: % is too recent to archive', partition;
    end if;
    if not exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                   where i.inhparent = 'audit_entry'::regclass and c.relname = partition) then
        raise exception 'no such partition of the access log: %', partition;
    end if;
    archive := 'audit_archive_' || substr(partition, 13);
    execute format('alter table audit_entry detach partition %I', partition);
    execute format('alter table %I rename to %I', partition, archive);
    return archive;
end;
$$ language plpgsql security definer set search_path = public, pg_temp;
