-- Needs still open and safety concerns without a recorded action, per federation holding
-- the child, kept in the transaction that changes a need or places a child elsewhere (the
-- triggers below), so that need_open_figures reads one row per federation instead of
-- joining the open needs to every child of a province on each request. Rebuilt from the
-- records by need_open_rebuild().
create table need_open_summary (
    federation_id bigint primary key references federation (id),
    open          bigint not null default 0,
    safety_open   bigint not null default 0
);

create function need_open_add(fed bigint, o bigint, s bigint) returns void as $$
begin
    if fed is null or (o = 0 and s = 0) then
        return;
    end if;
    insert into need_open_summary as t (federation_id, open, safety_open) values (fed, o, s)
    on conflict (federation_id) do update set open = t.open + o, safety_open = t.safety_open + s;
end;
$$ language plpgsql;

create function need_open_summarise() returns trigger as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform need_open_add((select federation_id from child where id = old.child_id),
            case when old.status in ('OPEN', 'IN_PROGRESS') then -1 else 0 end,
            case when old.mandatory_report and old.report_action is null then -1 else 0 end);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform need_open_add((select federation_id from child where id = new.child_id),
            case when new.status in ('OPEN', 'IN_PROGRESS') then 1 else 0 end,
            case when new.mandatory_report and new.report_action is null then 1 else 0 end);
    end if;
    return null;
end;
$$ language plpgsql;

create trigger need_open_summary
    after insert or update or delete on need
    for each row execute function need_open_summarise();

-- A child placed in another federation takes her open needs with her.
create function need_open_child_moved() returns trigger as $$
declare
    o bigint;
    s bigint;
begin
    select count(*) filter (where status in ('OPEN', 'IN_PROGRESS')),
           count(*) filter (where mandatory_report and report_action is null)
      into o, s
    from need where child_id = new.id;
    perform need_open_add(old.federation_id, -o, -s);
    perform need_open_add(new.federation_id, o, s);
    return null;
end;
$$ language plpgsql;

create trigger need_open_child_moved
    after update of federation_id on child
    for each row when (new.federation_id is distinct from old.federation_id)
    execute function need_open_child_moved();

-- Recomputes the summary from the needs; returns how many rows differed before.
create function need_open_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table need_open_summary in exclusive mode;
    create temporary table need_open_fresh on commit drop as
        select c.federation_id,
               count(*) filter (where n.status in ('OPEN', 'IN_PROGRESS'))::bigint as open,
               count(*) filter (where n.mandatory_report and n.report_action is null)::bigint as safety_open
        from need n join child c on c.id = n.child_id
        where n.status in ('OPEN', 'IN_PROGRESS') or (n.mandatory_report and n.report_action is null)
        group by c.federation_id;
    select count(*) into differences
    from need_open_fresh r
    full join (select * from need_open_summary where open <> 0 or safety_open <> 0) s using (federation_id)
    where (r.open, r.safety_open) is distinct from (s.open, s.safety_open);
    delete from need_open_summary;
    insert into need_open_summary select * from need_open_fresh;
    drop table need_open_fresh;
    return differences;
end;
$$ language plpgsql;

select need_open_rebuild();

-- The read model of V61, now over the summary (same columns).
create or replace view need_open_figures as
    select federation_id, open, safety_open from need_open_summary where open <> 0 or safety_open <> 0;
