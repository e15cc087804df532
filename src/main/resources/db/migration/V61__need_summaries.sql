-- The need module's summaries of its own records: needs raised, resolved and referred per
-- federation holding the child and day (and month), kept by triggers in the transaction
-- that changes the need or moves the child, rebuilt by need_summaries_rebuild(). The days
-- are those of the session's time zone, as the records are read.
create table need_day_summary (
    federation_id bigint not null references federation (id),
    day           date not null,
    opened        bigint not null default 0,
    resolved      bigint not null default 0,
    referred      bigint not null default 0,
    primary key (federation_id, day)
);

create index need_day_summary_day_idx on need_day_summary (day);

create table need_month_summary (
    federation_id bigint not null references federation (id),
    month         date not null check (extract(day from month) = 1),
    opened        bigint not null default 0,
    resolved      bigint not null default 0,
    referred      bigint not null default 0,
    primary key (federation_id, month)
);

create index need_month_summary_month_idx on need_month_summary (month);

create index need_closed_idx on need (closed_at) where status in ('RESOLVED', 'REFERRED');

create function need_summary_add(fed bigint, d date, o bigint, res bigint, ref bigint) returns void as $$
begin
    if fed is null or d is null or (o = 0 and res = 0 and ref = 0) then
        return;
    end if;
    insert into need_day_summary as s (federation_id, day, opened, resolved, referred)
    values (fed, d, o, res, ref)
    on conflict (federation_id, day) do update
        set opened = s.opened + o, resolved = s.resolved + res, referred = s.referred + ref;
    insert into need_month_summary as s (federation_id, month, opened, resolved, referred)
    values (fed, date_trunc('month', d)::date, o, res, ref)
    on conflict (federation_id, month) do update
        set opened = s.opened + o, resolved = s.resolved + res, referred = s.referred + ref;
end;
$$ language plpgsql;

create function need_child_federation(c bigint) returns bigint as $$
    select federation_id from child where id = c;
$$ language sql stable;

-- Adds (sign 1) or takes away (sign -1) what one need counts.
create function need_summary_count(n need, sign integer) returns void as $$
declare
    fed bigint := need_child_federation(n.child_id);
begin
    perform need_summary_add(fed, n.raised_at::date, sign, 0, 0);
    if n.status = 'RESOLVED' then
        perform need_summary_add(fed, n.closed_at::date, 0, sign, 0);
    elsif n.status = 'REFERRED' then
        perform need_summary_add(fed, n.closed_at::date, 0, 0, sign);
    end if;
end;
$$ language plpgsql;

create function need_summarise() returns trigger as $$
begin
    if tg_op = 'UPDATE' and new.child_id = old.child_id and new.raised_at = old.raised_at
            and new.status = old.status and new.closed_at is not distinct from old.closed_at then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform need_summary_count(old, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform need_summary_count(new, 1);
    end if;
    return null;
end;
$$ language plpgsql;

create trigger need_summary
    after insert or update or delete on need
    for each row execute function need_summarise();

create function need_summary_child_moved() returns trigger as $$
declare
    n need;
begin
    for n in select * from need where child_id = new.id loop
        -- counted under the old federation first, then under the new one
        perform need_summary_add(old.federation_id, n.raised_at::date, -1, 0, 0);
        perform need_summary_add(new.federation_id, n.raised_at::date, 1, 0, 0);
        if n.status in ('RESOLVED', 'REFERRED') then
            perform need_summary_add(old.federation_id, n.closed_at::date, 0,
                case when n.status = 'RESOLVED' then -1 else 0 end, case when n.status = 'REFERRED' then -1 else 0 end);
            perform need_summary_add(new.federation_id, n.closed_at::date, 0,
                case when n.status = 'RESOLVED' then 1 else 0 end, case when n.status = 'REFERRED' then 1 else 0 end);
        end if;
    end loop;
    return null;
end;
$$ language plpgsql;

create trigger need_summary_child_moved
    after update of federation_id on child
    for each row when (new.federation_id is distinct from old.federation_id)
    execute function need_summary_child_moved();

create function need_summaries_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table need_day_summary, need_month_summary in exclusive mode;
    create temporary table need_day_fresh on commit drop as
        select federation_id, day, sum(o)::bigint as opened, sum(res)::bigint as resolved, sum(ref)::bigint as referred
        from (select c.federation_id, n.raised_at::date as day, 1 as o, 0 as res, 0 as ref
              from need n join child c on c.id = n.child_id
              union all
              select c.federation_id, n.closed_at::date, 0, case when n.status = 'RESOLVED' then 1 else 0 end,
                     case when n.status = 'REFERRED' then 1 else 0 end
              from need n join child c on c.id = n.child_id where n.status in ('RESOLVED', 'REFERRED')) r
        group by federation_id, day;
    -- a row differs when it is missing, extra (and not all zero) or holds other figures
    select count(*) into differences
    from need_day_fresh r
    full join (select * from need_day_summary where opened <> 0 or resolved <> 0 or referred <> 0) s using (federation_id, day)
    where (r.opened, r.resolved, r.referred) is distinct from (s.opened, s.resolved, s.referred);
    delete from need_day_summary;
    insert into need_day_summary select * from need_day_fresh;
    delete from need_month_summary;
    insert into need_month_summary
        select federation_id, date_trunc('month', day)::date, sum(opened), sum(resolved), sum(referred)
        from need_day_fresh group by 1, 2;
    drop table need_day_fresh;
    return differences;
end;
$$ language plpgsql;

select need_summaries_rebuild();

-- The read models the need module publishes.
create view need_daily_figures as
    select federation_id, day, opened, resolved, referred from need_day_summary;

create view need_monthly_figures as
    select federation_id, month, opened, resolved, referred from need_month_summary;

-- Needs still open and safety concerns without a recorded action, per federation (few
-- rows: read through the partial indexes on open needs and open reports).
create view need_open_figures as
    select c.federation_id,
           count(*) filter (where n.status in ('OPEN', 'IN_PROGRESS')) as open,
           count(*) filter (where n.mandatory_report and n.report_action is null) as safety_open
    from need n join child c on c.id = n.child_id
    where n.status in ('OPEN', 'IN_PROGRESS') or (n.mandatory_report and n.report_action is null)
    group by c.federation_id;

-- Each resolved need with the day it was closed and how many days it took, for the median.
create view need_resolutions as
    select c.federation_id, n.closed_at::date as closed_on,
           extract(epoch from n.closed_at - n.raised_at) / 86400 as days
    from need n join child c on c.id = n.child_id
    where n.status = 'RESOLVED';
