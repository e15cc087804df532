-- The volunteer module's state figures per federation (role and status), kept in the
-- transaction that changes a volunteer (the trigger below), so that the dashboard and the
-- ledger read a few rows per federation instead of counting every volunteer on each
-- request. Rebuilt from the records by volunteer_summaries_rebuild().
create table volunteer_state_summary (
    federation_id bigint not null references federation (id),
    role          varchar(16) not null,
    status        varchar(16) not null,
    volunteers    bigint not null default 0,
    primary key (federation_id, role, status)
);

create function volunteer_state_add(fed bigint, ro varchar, st varchar, n bigint) returns void as $$
    insert into volunteer_state_summary as s (federation_id, role, status, volunteers) values (fed, ro, st, n)
    on conflict (federation_id, role, status) do update set volunteers = s.volunteers + n;
$$ language sql;

create function volunteer_summarise() returns trigger as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform volunteer_state_add(old.federation_id, old.role, old.status, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform volunteer_state_add(new.federation_id, new.role, new.status, 1);
    end if;
    return null;
end;
$$ language plpgsql;

create trigger volunteer_summary_write
    after insert or delete on volunteer
    for each row execute function volunteer_summarise();

create trigger volunteer_summary_update
    after update of federation_id, role, status on volunteer
    for each row when (new.federation_id is distinct from old.federation_id or new.role is distinct from old.role
                       or new.status is distinct from old.status)
    execute function volunteer_summarise();

-- Recomputes the summary from the records; returns how many rows differed before.
create function volunteer_summaries_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table volunteer_state_summary in exclusive mode;
    create temporary table volunteer_state_fresh on commit drop as
        select federation_id, role, status, count(*)::bigint as volunteers from volunteer group by 1, 2, 3;
    select count(*) into differences
    from volunteer_state_fresh r
    full join (select * from volunteer_state_summary where volunteers <> 0) s using (federation_id, role, status)
    where r.volunteers is distinct from s.volunteers;
    delete from volunteer_state_summary;
    insert into volunteer_state_summary select * from volunteer_state_fresh;
    drop table volunteer_state_fresh;
    return differences;
end;
$$ language plpgsql;

select volunteer_summaries_rebuild();

-- The read model of V62, now over the summary (same columns).
create or replace view volunteer_federation_figures as
    select federation_id,
           coalesce(sum(volunteers) filter (where role = 'MOTHER' and status = 'ACTIVE'), 0)::bigint as mothers_active,
           coalesce(sum(volunteers) filter (where role = 'RESERVE' and status <> 'WITHDRAWN'), 0)::bigint as reserves,
           coalesce(sum(volunteers) filter (where status in ('APPLIED', 'SCREENED', 'TRAINED')), 0)::bigint as applicants
    from volunteer_state_summary where volunteers <> 0 group by federation_id;
