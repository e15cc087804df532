-- Care coverage and care gaps as a few rows per federation, kept in the transaction that
-- changes what they depend on, so that "gaps as of today" is a sum over dated rows instead
-- of a look at every active pairing's due dates on each request.
--
-- visit_pairing_care: each active pairing's earlier due date (least of contact and home
-- visit due, as visit_care_due gives them) and last home visit, with the federation of
-- its child. visit_care_day: per federation and day, how many active pairings fall due on
-- that day and how many had their last home visit on it. visit_care_total: the active
-- pairings per federation. All three are refreshed from visit_care_due for the pairings
-- concerned whenever their last contacts (visit_pairing_last), the pairing itself, its
-- child's federation or the federation's care cadence change.
--
-- Read: pairings = sum of the totals; care gaps = pairings - pairings due today or later;
-- home visited in the last 90 days = pairings whose last home visit is after today - 90.
-- Both sums read only days from 90 days ago on, so their cost does not grow with history;
-- rows that fall to zero are deleted. Rows are per township (no row that all of a
-- county's contacts update).
create table visit_pairing_care (
    pairing_id      bigint primary key,
    federation_id   bigint not null references federation (id),
    due             date not null,
    last_home_visit date
);

create table visit_care_day (
    federation_id bigint not null references federation (id),
    day           date not null,
    due           bigint not null default 0,
    home_visited  bigint not null default 0,
    primary key (federation_id, day)
);

create index visit_care_day_day_idx on visit_care_day (day) include (federation_id, due, home_visited);

create table visit_care_total (
    federation_id bigint primary key references federation (id),
    pairings      bigint not null default 0
);

-- Brings the care state of the given pairings in line with visit_care_due (an ended or
-- deleted pairing leaves it). The summary rows are changed in key order, so that two
-- transactions refreshing pairings of the same township do not deadlock. Its statements
-- are planned once per connection (generic plans: index lookups for any list of ids), not
-- on every contact, which would cost more than running them.
create function visit_care_refresh(ids bigint[]) returns void set plan_cache_mode = force_generic_plan as $$
declare
    zero_feds bigint[];
    zero_days date[];
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    with gone as (
        delete from visit_pairing_care where pairing_id = any (ids)
        returning federation_id, due, last_home_visit),
    fresh as (
        select federation_id, least(contact_due, home_visit_due) as due, last_home_visit
        from visit_care_due where pairing_id = any (ids)),
    deltas as (
        select federation_id, due as day, -1 as n, 0 as h from gone
        union all select federation_id, last_home_visit, 0, -1 from gone where last_home_visit is not null
        union all select federation_id, due, 1, 0 from fresh
        union all select federation_id, last_home_visit, 0, 1 from fresh where last_home_visit is not null),
    totals as (
        insert into visit_care_total as s (federation_id, pairings)
        select federation_id, sum(n) from deltas group by 1 having sum(n) <> 0 order by 1
        on conflict (federation_id) do update set pairings = s.pairings + excluded.pairings),
    days as (
        insert into visit_care_day as s (federation_id, day, due, home_visited)
        select federation_id, day, sum(n), sum(h) from deltas group by 1, 2
        having sum(n) <> 0 or sum(h) <> 0 order by 1, 2
        on conflict (federation_id, day) do update
            set due = s.due + excluded.due, home_visited = s.home_visited + excluded.home_visited
        returning s.federation_id, s.day, s.due, s.home_visited)
    select array_agg(federation_id), array_agg(day) into zero_feds, zero_days
    from days where due = 0 and home_visited = 0;
    insert into visit_pairing_care (pairing_id, federation_id, due, last_home_visit)
        select pairing_id, federation_id, least(contact_due, home_visit_due), last_home_visit
        from visit_care_due where pairing_id = any (ids);
    if zero_feds is not null then
        delete from visit_care_day s using unnest(zero_feds, zero_days) z (federation_id, day)
        where s.federation_id = z.federation_id and s.day = z.day and s.due = 0 and s.home_visited = 0;
    end if;
end;
$$ language plpgsql;

-- the last contacts of pairings changed (a contact added, corrected or deleted, a rebuild)
create function visit_care_last_inserted() returns trigger as $$
begin
    perform visit_care_refresh(array(select distinct pairing_id from new_rows));
    return null;
end;
$$ language plpgsql;

create function visit_care_last_deleted() returns trigger as $$
begin
    perform visit_care_refresh(array(select distinct pairing_id from old_rows));
    return null;
end;
$$ language plpgsql;

create function visit_care_last_updated() returns trigger as $$
begin
    perform visit_care_refresh(array(select pairing_id from new_rows union select pairing_id from old_rows));
    return null;
end;
$$ language plpgsql;

create trigger visit_care_last_insert
    after insert on visit_pairing_last referencing new table as new_rows
    for each statement execute function visit_care_last_inserted();

create trigger visit_care_last_update
    after update on visit_pairing_last referencing old table as old_rows new table as new_rows
    for each statement execute function visit_care_last_updated();

create trigger visit_care_last_delete
    after delete on visit_pairing_last referencing old table as old_rows
    for each statement execute function visit_care_last_deleted();

-- pairings started, changed (dates, ended, another child) or deleted
create function visit_care_pairing_inserted() returns trigger as $$
begin
    perform visit_care_refresh(array(select id from new_rows));
    return null;
end;
$$ language plpgsql;

create function visit_care_pairing_updated() returns trigger as $$
begin
    perform visit_care_refresh(array(select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.child_id, n.start_date, n.end_date) is distinct from (o.child_id, o.start_date, o.end_date)));
    return null;
end;
$$ language plpgsql;

create function visit_care_pairing_deleted() returns trigger as $$
begin
    perform visit_care_refresh(array(select id from old_rows));
    return null;
end;
$$ language plpgsql;

create trigger visit_care_pairing_insert
    after insert on pairing referencing new table as new_rows
    for each statement execute function visit_care_pairing_inserted();

create trigger visit_care_pairing_update
    after update on pairing referencing old table as old_rows new table as new_rows
    for each statement execute function visit_care_pairing_updated();

create trigger visit_care_pairing_delete
    after delete on pairing referencing old table as old_rows
    for each statement execute function visit_care_pairing_deleted();

-- a child placed in another federation takes her pairings' care state with her
create function visit_care_child_moved() returns trigger as $$
begin
    perform visit_care_refresh(array(select pairing_id from pairing_periods where child_id = new.id and end_date is null));
    return null;
end;
$$ language plpgsql;

create trigger visit_care_child_moved
    after update of federation_id on child
    for each row when (new.federation_id is distinct from old.federation_id)
    execute function visit_care_child_moved();

-- a federation's care cadence changed (its own rule or an ancestor's)
create function visit_care_cadence_changed() returns trigger as $$
begin
    perform visit_care_refresh(array(select pairing_id from pairing_periods where federation_id = new.id and end_date is null));
    return null;
end;
$$ language plpgsql;

create trigger visit_care_cadence_changed
    after update of care_contact_days, care_home_visit_days on federation
    for each row when (new.care_contact_days is distinct from old.care_contact_days
                       or new.care_home_visit_days is distinct from old.care_home_visit_days)
    execute function visit_care_cadence_changed();

-- Recomputes the care state from the records; returns how many rows differed before.
create function visit_care_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table visit_pairing_care, visit_care_day, visit_care_total in exclusive mode;
    create temporary table visit_care_fresh on commit drop as
        select pairing_id, federation_id, least(contact_due, home_visit_due) as due, last_home_visit
        from visit_care_due;
    create temporary table visit_care_day_fresh on commit drop as
        select federation_id, day, sum(n)::bigint as due, sum(h)::bigint as home_visited from (
            select federation_id, due as day, 1 as n, 0 as h from visit_care_fresh
            union all select federation_id, last_home_visit, 0, 1 from visit_care_fresh where last_home_visit is not null) d
        group by 1, 2;
    select count(*) into differences
    from visit_care_fresh r full join visit_pairing_care s using (pairing_id)
    where (r.federation_id, r.due, r.last_home_visit) is distinct from (s.federation_id, s.due, s.last_home_visit);
    select differences + count(*) into differences
    from visit_care_day_fresh r
    full join (select * from visit_care_day where due <> 0 or home_visited <> 0) s using (federation_id, day)
    where (r.due, r.home_visited) is distinct from (s.due, s.home_visited);
    select differences + count(*) into differences
    from (select federation_id, count(*) as pairings from visit_care_fresh group by 1) r
    full join (select * from visit_care_total where pairings <> 0) s using (federation_id)
    where r.pairings is distinct from s.pairings;
    delete from visit_pairing_care;
    insert into visit_pairing_care select * from visit_care_fresh;
    delete from visit_care_day;
    insert into visit_care_day select * from visit_care_day_fresh;
    delete from visit_care_total;
    insert into visit_care_total select federation_id, count(*) from visit_care_fresh group by 1;
    drop table visit_care_fresh;
    drop table visit_care_day_fresh;
    return differences;
end;
$$ language plpgsql;

select visit_care_rebuild();

-- The read models the visit module publishes for the dashboard.
create view visit_care_totals as
    select federation_id, pairings from visit_care_total where pairings <> 0;

create view visit_care_days as
    select federation_id, day, due, home_visited from visit_care_day;
