-- Run by Flyway after every migration (a callback, not a versioned migration, so that tables
-- added by later migrations and a role introduced later are covered too). When the application
-- connects as a role of its own (DB_USER differs from DB_MIGRATION_USER, the owner), that role
-- gets exactly what the application needs: rows of the tables, the sequences, the functions.
-- It owns nothing, so it can neither drop nor alter a table nor disable a trigger, and on the
-- access log (its partitions and archived months included) it may only read and add entries.
-- Without a separate role (the embedded default, or one role for both) this does nothing.
do $$
declare
    app   text := '${approle}';
    entry record;
begin
    if app = '' or app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('grant execute on all functions in schema public to %I', app);
    for entry in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p')
                   and (c.relname like 'audit\_entry%' or c.relname like 'audit\_archive\_%') loop
        execute format('revoke update, delete, truncate, references, trigger on %I from %I', entry.relname, app);
    end loop;
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
end;
$$;
