-- The summaries count each record in its own federation: a contact in the contact's
-- federation_id (V132), a pairing in the pairing's (V130, through pairing_periods). Moving a
-- record's federation (the pairing and visit modules do it when a child moves, on
-- ChildFederationChanged) moves its figures through the records' own triggers, so the
-- triggers on the child table that moved them by reading the child's federation through the
-- pairings go.

create or replace function visit_summarise() returns trigger as $$
declare
    g numeric;
begin
    if tg_op = 'INSERT' then
        perform visit_summary_add(new.federation_id, new.visit_date, 1,
            case when new.mode = 'HOME_VISIT' then 1 else 0 end, 0);
        insert into visit_pairing_last as l (pairing_id, last_contact, last_home_visit)
        values (new.pairing_id, new.visit_date, case when new.mode = 'HOME_VISIT' then new.visit_date end)
        on conflict (pairing_id) do update
            set last_contact = greatest(l.last_contact, excluded.last_contact),
                last_home_visit = greatest(l.last_home_visit, excluded.last_home_visit);
        return new;
    elsif tg_op = 'UPDATE' then
        if new.pairing_id is distinct from old.pairing_id or new.visit_date is distinct from old.visit_date
                or new.mode is distinct from old.mode or new.federation_id is distinct from old.federation_id then
            g := visit_gift_total(new.id);
            perform visit_summary_add(old.federation_id, old.visit_date, -1,
                case when old.mode = 'HOME_VISIT' then -1 else 0 end, -g);
            perform visit_summary_add(new.federation_id, new.visit_date, 1,
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
        perform visit_summary_add(old.federation_id, old.visit_date, -1,
            case when old.mode = 'HOME_VISIT' then -1 else 0 end, -g);
        return old;
    end if;
end;
$$ language plpgsql;

create or replace function visit_summarise_inserted() returns trigger as $$
declare
    cur record;
begin
    perform visit_summary_add(new.federation_id, new.visit_date, 1,
        case when new.mode = 'HOME_VISIT' then 1 else 0 end, 0);
    select x.pairing_id, x.visit_date, x.mode into cur from visit x where x.id = new.id;
    if found then
        insert into visit_pairing_last as l (pairing_id, last_contact, last_home_visit)
        values (cur.pairing_id, cur.visit_date, case when cur.mode = 'HOME_VISIT' then cur.visit_date end)
        on conflict (pairing_id) do update
            set last_contact = greatest(l.last_contact, excluded.last_contact),
                last_home_visit = greatest(l.last_home_visit, excluded.last_home_visit);
    end if;
    return null;
end;
$$ language plpgsql;

create or replace function visit_gift_summarise() returns trigger as $$
declare
    x record;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        select v.federation_id, v.visit_date into x from visit v where v.id = old.visit_id;
        if found then
            perform visit_summary_add(x.federation_id, x.visit_date, 0, 0, -old.value_yuan);
        end if;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        select v.federation_id, v.visit_date into x from visit v where v.id = new.visit_id;
        perform visit_summary_add(x.federation_id, x.visit_date, 0, 0, new.value_yuan);
    end if;
    return null;
end;
$$ language plpgsql;

create or replace function visit_summaries_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table visit_day_summary, visit_month_summary, visit_pairing_last in exclusive mode;
    create temporary table visit_day_fresh on commit drop as
        select x.federation_id, x.visit_date as day, count(*)::bigint as contacts,
               count(*) filter (where x.mode = 'HOME_VISIT')::bigint as home_visits,
               coalesce(sum(gs.g), 0)::numeric(14, 2) as gift_value
        from visit x
        left join (select visit_id, sum(value_yuan) as g from visit_gift group by visit_id) gs on gs.visit_id = x.id
        group by x.federation_id, x.visit_date;
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

drop trigger visit_summary_child_moved on child;
drop function visit_summary_child_moved();

drop trigger visit_care_child_moved on child;
drop function visit_care_child_moved();

drop trigger pairing_year_child_moved on child;
drop function pairing_year_child_moved();
