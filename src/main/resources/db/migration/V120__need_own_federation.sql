-- Each need keeps its own federation: the child's when it is raised, moved with her by the
-- need module when the child module announces that she moved (ChildFederationChanged, in the
-- same transaction). Who may see a need, and where its figures count, is decided by this
-- column alone, so that neither the application nor the need module's summaries read the
-- child table any more.
--
-- The summary triggers are dropped while the column is filled (each row would otherwise be
-- taken out of and put back into the same summaries) and recreated over need.federation_id;
-- the triggers on the child table that moved a child's need figures with her go: moving the
-- needs themselves (an update of need.federation_id) now moves their figures.
drop trigger need_summary on need;
drop trigger need_open_summary on need;
drop trigger need_summary_child_moved on child;
drop function need_summary_child_moved();
drop trigger need_open_child_moved on child;
drop function need_open_child_moved();

alter table need add column federation_id bigint references federation (id);
update need n set federation_id = c.federation_id from child c where c.id = n.child_id;
alter table need alter column federation_id set not null;

-- the scoped lists: every need of a subtree, newest or oldest first, and the open ones
create index need_federation_idx on need (federation_id, raised_at);
create index need_federation_open_idx on need (federation_id, raised_at) where status in ('OPEN', 'IN_PROGRESS');

-- Adds (sign 1) or takes away (sign -1) what one need counts.
create or replace function need_summary_count(n need, sign integer) returns void as $$
begin
    perform need_summary_add(n.federation_id, n.raised_at::date, sign, 0, 0);
    if n.status = 'RESOLVED' then
        perform need_summary_add(n.federation_id, n.closed_at::date, 0, sign, 0);
    elsif n.status = 'REFERRED' then
        perform need_summary_add(n.federation_id, n.closed_at::date, 0, 0, sign);
    end if;
end;
$$ language plpgsql;

drop function need_child_federation(bigint);

create or replace function need_summarise() returns trigger as $$
begin
    if tg_op = 'UPDATE' and new.federation_id = old.federation_id and new.raised_at = old.raised_at
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

create or replace function need_open_summarise() returns trigger as $$
begin
    if tg_op = 'UPDATE' and new.federation_id = old.federation_id and new.status = old.status
            and new.mandatory_report = old.mandatory_report
            and (new.report_action is null) = (old.report_action is null) then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform need_open_add(old.federation_id,
            case when old.status in ('OPEN', 'IN_PROGRESS') then -1 else 0 end,
            case when old.mandatory_report and old.report_action is null then -1 else 0 end);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform need_open_add(new.federation_id,
            case when new.status in ('OPEN', 'IN_PROGRESS') then 1 else 0 end,
            case when new.mandatory_report and new.report_action is null then 1 else 0 end);
    end if;
    return null;
end;
$$ language plpgsql;

create trigger need_open_summary
    after insert or update or delete on need
    for each row execute function need_open_summarise();

create or replace function need_summaries_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table need_day_summary, need_month_summary in exclusive mode;
    create temporary table need_day_fresh on commit drop as
        select federation_id, day, sum(o)::bigint as opened, sum(res)::bigint as resolved, sum(ref)::bigint as referred
        from (select n.federation_id, n.raised_at::date as day, 1 as o, 0 as res, 0 as ref
              from need n
              union all
              select n.federation_id, n.closed_at::date, 0, case when n.status = 'RESOLVED' then 1 else 0 end,
                     case when n.status = 'REFERRED' then 1 else 0 end
              from need n where n.status in ('RESOLVED', 'REFERRED')) r
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

create or replace function need_open_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table need_open_summary in exclusive mode;
    create temporary table need_open_fresh on commit drop as
        select n.federation_id,
               count(*) filter (where n.status in ('OPEN', 'IN_PROGRESS'))::bigint as open,
               count(*) filter (where n.mandatory_report and n.report_action is null)::bigint as safety_open
        from need n
        where n.status in ('OPEN', 'IN_PROGRESS') or (n.mandatory_report and n.report_action is null)
        group by n.federation_id;
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

-- the summaries were kept by the child's federation until now, which the column holds
select need_summaries_rebuild();
select need_open_rebuild();

-- The read models the need module publishes, over its own column (same columns as before).
create or replace view need_resolutions as
    select n.federation_id, n.closed_at::date as closed_on,
           extract(epoch from n.closed_at - n.raised_at) / 86400 as days
    from need n
    where n.status = 'RESOLVED';

create or replace view need_open as
    select n.id as need_id, n.federation_id, n.child_id, n.raised_at, n.category, n.urgency, n.status,
           n.description, n.mandatory_report and n.report_action is null as safety_open
    from need n
    where n.status in ('OPEN', 'IN_PROGRESS');
