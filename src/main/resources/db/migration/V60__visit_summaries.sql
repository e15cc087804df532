-- The visit module's summaries of its own records, so that the dashboard, the ledger and
-- the monthly report count contacts, home visits and gift values by adding up at most a
-- few thousand rows instead of rescanning every contact of a province.
--
-- One row per federation holding the child (a township, usually) and day, and one per
-- federation and month; a federation above is the sum of the rows of its subtree, read
-- when asked (no single row that every contact of a province updates). The rows are kept
-- by the triggers below in the transaction that changes the contact, its gifts or the
-- child's federation, and are rebuilt from the records by visit_summaries_rebuild().
create table visit_day_summary (
    federation_id bigint not null references federation (id),
    day           date not null,
    contacts      bigint not null default 0,
    home_visits   bigint not null default 0,
    gift_value    numeric(14, 2) not null default 0,
    primary key (federation_id, day)
);

create index visit_day_summary_day_idx on visit_day_summary (day);

create table visit_month_summary (
    federation_id bigint not null references federation (id),
    month         date not null check (extract(day from month) = 1),
    contacts      bigint not null default 0,
    home_visits   bigint not null default 0,
    gift_value    numeric(14, 2) not null default 0,
    primary key (federation_id, month)
);

create index visit_month_summary_month_idx on visit_month_summary (month);

-- The last contact and the last home visit of each pairing (the dates its care cadence is
-- measured from), so that coverage and care gaps are lookups, not scans of the contacts.
create table visit_pairing_last (
    pairing_id      bigint primary key references pairing (id),
    last_contact    date,
    last_home_visit date
);

create function visit_summary_add(fed bigint, d date, n bigint, h bigint, g numeric) returns void as $$
begin
    if fed is null or (n = 0 and h = 0 and g = 0) then
        return;
    end if;
    insert into visit_day_summary as s (federation_id, day, contacts, home_visits, gift_value)
    values (fed, d, n, h, g)
    on conflict (federation_id, day) do update
        set contacts = s.contacts + n, home_visits = s.home_visits + h, gift_value = s.gift_value + g;
    insert into visit_month_summary as s (federation_id, month, contacts, home_visits, gift_value)
    values (fed, date_trunc('month', d)::date, n, h, g)
    on conflict (federation_id, month) do update
        set contacts = s.contacts + n, home_visits = s.home_visits + h, gift_value = s.gift_value + g;
end;
$$ language plpgsql;

create function visit_pairing_federation(p bigint) returns bigint as $$
    select c.federation_id from pairing y join child c on c.id = y.child_id where y.id = p;
$$ language sql stable;

create function visit_pairing_last_refresh(p bigint) returns void as $$
begin
    insert into visit_pairing_last as l (pairing_id, last_contact, last_home_visit)
    select p, max(x.visit_date), max(x.visit_date) filter (where x.mode = 'HOME_VISIT')
    from visit x where x.pairing_id = p
    on conflict (pairing_id) do update
        set last_contact = excluded.last_contact, last_home_visit = excluded.last_home_visit;
end;
$$ language plpgsql;

create function visit_gift_total(v bigint) returns numeric as $$
    select coalesce(sum(value_yuan), 0) from visit_gift where visit_id = v;
$$ language sql stable;

create function visit_summarise() returns trigger as $$
declare
    g numeric;
begin
    if tg_op = 'INSERT' then
        perform visit_summary_add(visit_pairing_federation(new.pairing_id), new.visit_date, 1,
            case when new.mode = 'HOME_VISIT' then 1 else 0 end, 0);
        insert into visit_pairing_last as l (pairing_id, last_contact, last_home_visit)
        values (new.pairing_id, new.visit_date, case when new.mode = 'HOME_VISIT' then new.visit_date end)
        on conflict (pairing_id) do update
            set last_contact = greatest(l.last_contact, excluded.last_contact),
                last_home_visit = greatest(l.last_home_visit, excluded.last_home_visit);
        return new;
    elsif tg_op = 'UPDATE' then
        if new.pairing_id is distinct from old.pairing_id or new.visit_date is distinct from old.visit_date
                or new.mode is distinct from old.mode then
            g := visit_gift_total(new.id);
            perform visit_summary_add(visit_pairing_federation(old.pairing_id), old.visit_date, -1,
                case when old.mode = 'HOME_VISIT' then -1 else 0 end, -g);
            perform visit_summary_add(visit_pairing_federation(new.pairing_id), new.visit_date, 1,
                case when new.mode = 'HOME_VISIT' then 1 else 0 end, g);
            perform visit_pairing_last_refresh(new.pairing_id);
            if new.pairing_id <> old.pairing_id then
                perform visit_pairing_last_refresh(old.pairing_id);
            end if;
        end if;
        return new;
    else
        -- Before the row goes: its gifts are still there (they go with it, after).
        g := visit_gift_total(old.id);
        perform visit_summary_add(visit_pairing_federation(old.pairing_id), old.visit_date, -1,
            case when old.mode = 'HOME_VISIT' then -1 else 0 end, -g);
        return old;
    end if;
end;
$$ language plpgsql;

create trigger visit_summary_write
    after insert or update on visit
    for each row execute function visit_summarise();

create trigger visit_summary_delete
    before delete on visit
    for each row execute function visit_summarise();

create function visit_last_after_delete() returns trigger as $$
begin
    perform visit_pairing_last_refresh(old.pairing_id);
    return old;
end;
$$ language plpgsql;

create trigger visit_last_delete
    after delete on visit
    for each row execute function visit_last_after_delete();

-- A gift counts on its contact's day; a gift removed with its contact was subtracted with it.
create function visit_gift_summarise() returns trigger as $$
declare
    x record;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        select v.pairing_id, v.visit_date into x from visit v where v.id = old.visit_id;
        if found then
            perform visit_summary_add(visit_pairing_federation(x.pairing_id), x.visit_date, 0, 0, -old.value_yuan);
        end if;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        select v.pairing_id, v.visit_date into x from visit v where v.id = new.visit_id;
        perform visit_summary_add(visit_pairing_federation(x.pairing_id), x.visit_date, 0, 0, new.value_yuan);
    end if;
    return null;
end;
$$ language plpgsql;

create trigger visit_gift_summary
    after insert or update or delete on visit_gift
    for each row execute function visit_gift_summarise();

-- A child placed in another federation takes her contacts' figures with her (as the
-- records, counted by the child's federation, would).
create function visit_summary_child_moved() returns trigger as $$
declare
    r record;
begin
    for r in
        select x.visit_date as d, count(*) as n, count(*) filter (where x.mode = 'HOME_VISIT') as h,
               coalesce(sum(visit_gift_total(x.id)), 0) as g
        from visit x join pairing y on y.id = x.pairing_id
        where y.child_id = new.id group by x.visit_date
    loop
        perform visit_summary_add(old.federation_id, r.d, -r.n, -r.h, -r.g);
        perform visit_summary_add(new.federation_id, r.d, r.n, r.h, r.g);
    end loop;
    return null;
end;
$$ language plpgsql;

create trigger visit_summary_child_moved
    after update of federation_id on child
    for each row when (new.federation_id is distinct from old.federation_id)
    execute function visit_summary_child_moved();

-- Recomputes every summary of the module from the records; returns how many summary rows
-- differed (were wrong, missing or extra) before.
create function visit_summaries_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table visit_day_summary, visit_month_summary, visit_pairing_last in exclusive mode;
    create temporary table visit_day_fresh on commit drop as
        select c.federation_id, x.visit_date as day, count(*)::bigint as contacts,
               count(*) filter (where x.mode = 'HOME_VISIT')::bigint as home_visits,
               coalesce(sum(gs.g), 0)::numeric(14, 2) as gift_value
        from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
        left join (select visit_id, sum(value_yuan) as g from visit_gift group by visit_id) gs on gs.visit_id = x.id
        group by c.federation_id, x.visit_date;
    -- a row differs when it is missing, extra (and not all zero) or holds other figures
    select count(*) into differences
    from visit_day_fresh r
    full join (select * from visit_day_summary where contacts <> 0 or home_visits <> 0 or gift_value <> 0) s using (federation_id, day)
    where (r.contacts, r.home_visits, r.gift_value) is distinct from (s.contacts, s.home_visits, s.gift_value);
    delete from visit_day_summary;
    insert into visit_day_summary select * from visit_day_fresh;
    delete from visit_month_summary;
    insert into visit_month_summary
        select federation_id, date_trunc('month', day)::date, sum(contacts), sum(home_visits), sum(gift_value)
        from visit_day_fresh group by 1, 2;
    select differences + count(*) into differences from (
        select y.pairing_id, max(x.visit_date) as c, max(x.visit_date) filter (where x.mode = 'HOME_VISIT') as h
        from (select id as pairing_id from pairing) y join visit x on x.pairing_id = y.pairing_id
        group by y.pairing_id
        except select pairing_id, last_contact, last_home_visit from visit_pairing_last
            where last_contact is not null) d;
    delete from visit_pairing_last;
    insert into visit_pairing_last
        select pairing_id, max(visit_date), max(visit_date) filter (where mode = 'HOME_VISIT')
        from visit group by pairing_id;
    drop table visit_day_fresh;
    return differences;
end;
$$ language plpgsql;

select visit_summaries_rebuild();

-- The read models the visit module publishes (the dashboard reads these, not the tables).
create view visit_daily_figures as
    select federation_id, day, contacts, home_visits, gift_value from visit_day_summary;

create view visit_monthly_figures as
    select federation_id, month, contacts, home_visits, gift_value from visit_month_summary;

create view visit_pairing_last_contact as
    select pairing_id, last_contact, last_home_visit from visit_pairing_last;
