-- Pairings and distinct mothers per federation and year of the three-year action (三年行动,
-- 2024-2026; TargetService.FIRST_YEAR..LAST_YEAR), kept in the transaction that changes a
-- pairing or moves its child, so that the dashboard's target progress reads one row per
-- federation and year instead of counting distinct mothers over every pairing.
--
-- A pairing counts in a year when it was active on any day of it (an open pairing in every
-- year of the action from its start on), in its child's federation and every federation
-- above it. pairing_year_member is what each pairing was last counted as;
-- pairing_year_mother holds, per federation, year and mother, how many of her pairings
-- count there, so that a mother paired in two townships counts once in their county;
-- pairing_year_total has the two figures per federation and year. A mother's row that
-- falls to zero stays (and counts as absent), so that a change never deletes rows.
create function pairing_action_years() returns int[] as $$
    select array[2024, 2025, 2026]
$$ language sql immutable;

create table pairing_year_member (
    pairing_id    bigint primary key,
    federation_id bigint not null references federation (id),
    volunteer_id  bigint not null,
    start_date    date not null,
    end_date      date
);

create table pairing_year_mother (
    federation_id bigint not null references federation (id),
    year          int not null,
    volunteer_id  bigint not null,
    pairings      bigint not null,
    primary key (federation_id, year, volunteer_id)
);

create table pairing_year_total (
    federation_id bigint not null references federation (id),
    year          int not null,
    pairings      bigint not null default 0,
    mothers       bigint not null default 0,
    primary key (federation_id, year)
);

-- The rows a set of pairings contributes: (federation or an ancestor, year, mother, sign).
create function pairing_year_rows(members pairing_year_member[], sign int)
    returns table (federation_id bigint, year int, volunteer_id bigint, n bigint) as $$
    select a.id, y.year, m.volunteer_id, sign::bigint
    from unnest(members) m
    join federation f on f.id = m.federation_id
    cross join lateral unnest(string_to_array(trim(both '/' from f.path), '/')::bigint[]) a (id)
    cross join lateral unnest(pairing_action_years()) y (year)
    where m.start_date <= make_date(y.year, 12, 31) and (m.end_date is null or m.end_date >= make_date(y.year, 1, 1))
$$ language sql stable;

-- Brings the counts of the given pairings in line with pairing_periods. Rows are changed
-- in key order, so that two transactions counting pairings of the same county do not
-- deadlock.
create function pairing_year_refresh(ids bigint[]) returns void as $$
declare
    gone pairing_year_member[];
    fresh pairing_year_member[];
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    with d as (delete from pairing_year_member where pairing_id = any (ids) returning *)
    select array_agg(d) into gone from d;
    select array_agg(row (p.pairing_id, p.federation_id, p.volunteer_id, p.start_date, p.end_date)::pairing_year_member)
        into fresh from pairing_periods p where p.pairing_id = any (ids);
    if fresh is not null then
        insert into pairing_year_member select * from unnest(fresh);
    end if;
    with delta as (
        select r.federation_id, r.year, r.volunteer_id, sum(r.n)::bigint as n from (
            select * from pairing_year_rows(coalesce(gone, '{}'), -1)
            union all select * from pairing_year_rows(coalesce(fresh, '{}'), 1)) r
        group by 1, 2, 3 having sum(r.n) <> 0),
    changed as (
        insert into pairing_year_mother as m (federation_id, year, volunteer_id, pairings)
        select federation_id, year, volunteer_id, n from delta order by 1, 2, 3
        on conflict (federation_id, year, volunteer_id) do update set pairings = m.pairings + excluded.pairings
        returning m.federation_id, m.year, m.volunteer_id, m.pairings)
    insert into pairing_year_total as t (federation_id, year, pairings, mothers)
        select c.federation_id, c.year, sum(d.n),
            sum(case when c.pairings > 0 and c.pairings - d.n <= 0 then 1
                     when c.pairings <= 0 and c.pairings - d.n > 0 then -1 else 0 end)
        from changed c join delta d using (federation_id, year, volunteer_id)
        group by 1, 2 order by 1, 2
        on conflict (federation_id, year) do update
            set pairings = t.pairings + excluded.pairings, mothers = t.mothers + excluded.mothers;
end;
$$ language plpgsql;

create function pairing_year_inserted() returns trigger as $$
begin
    perform pairing_year_refresh(array(select id from new_rows));
    return null;
end;
$$ language plpgsql;

create function pairing_year_updated() returns trigger as $$
begin
    perform pairing_year_refresh(array(select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.child_id, n.volunteer_id, n.start_date, n.end_date)
              is distinct from (o.child_id, o.volunteer_id, o.start_date, o.end_date)));
    return null;
end;
$$ language plpgsql;

create function pairing_year_deleted() returns trigger as $$
begin
    perform pairing_year_refresh(array(select id from old_rows));
    return null;
end;
$$ language plpgsql;

create trigger pairing_year_insert
    after insert on pairing referencing new table as new_rows
    for each statement execute function pairing_year_inserted();

create trigger pairing_year_update
    after update on pairing referencing old table as old_rows new table as new_rows
    for each statement execute function pairing_year_updated();

create trigger pairing_year_delete
    after delete on pairing referencing old table as old_rows
    for each statement execute function pairing_year_deleted();

-- a child placed in another federation takes her pairings, ended ones too, with her
create function pairing_year_child_moved() returns trigger as $$
begin
    perform pairing_year_refresh(array(select id from pairing where child_id = new.id));
    return null;
end;
$$ language plpgsql;

create trigger pairing_year_child_moved
    after update of federation_id on child
    for each row when (new.federation_id is distinct from old.federation_id)
    execute function pairing_year_child_moved();

-- Recomputes the counts from the pairings; returns how many rows differed before.
create function pairing_year_rebuild() returns bigint as $$
declare
    differences bigint;
    members pairing_year_member[];
begin
    lock table pairing_year_member, pairing_year_mother, pairing_year_total in exclusive mode;
    select array_agg(row (p.pairing_id, p.federation_id, p.volunteer_id, p.start_date, p.end_date)::pairing_year_member)
        into members from pairing_periods p;
    create temporary table pairing_year_mother_fresh on commit drop as
        select federation_id, year, volunteer_id, sum(n)::bigint as pairings
        from pairing_year_rows(coalesce(members, '{}'), 1) group by 1, 2, 3;
    create temporary table pairing_year_total_fresh on commit drop as
        select federation_id, year, sum(pairings)::bigint as pairings, count(*)::bigint as mothers
        from pairing_year_mother_fresh group by 1, 2;
    select count(*) into differences
    from unnest(coalesce(members, '{}')) r full join pairing_year_member s using (pairing_id)
    where (r.federation_id, r.volunteer_id, r.start_date, r.end_date)
          is distinct from (s.federation_id, s.volunteer_id, s.start_date, s.end_date);
    select differences + count(*) into differences
    from pairing_year_mother_fresh r
    full join (select * from pairing_year_mother where pairings <> 0) s using (federation_id, year, volunteer_id)
    where r.pairings is distinct from s.pairings;
    select differences + count(*) into differences
    from pairing_year_total_fresh r
    full join (select * from pairing_year_total where pairings <> 0 or mothers <> 0) s using (federation_id, year)
    where (r.pairings, r.mothers) is distinct from (s.pairings, s.mothers);
    delete from pairing_year_member;
    insert into pairing_year_member select * from unnest(coalesce(members, '{}'));
    delete from pairing_year_mother;
    insert into pairing_year_mother select * from pairing_year_mother_fresh;
    delete from pairing_year_total;
    insert into pairing_year_total select * from pairing_year_total_fresh;
    drop table pairing_year_mother_fresh;
    drop table pairing_year_total_fresh;
    return differences;
end;
$$ language plpgsql;

select pairing_year_rebuild();

-- The read model the pairing module publishes for the dashboard's target progress.
create view pairing_year_figures as
    select federation_id, year, pairings, mothers from pairing_year_total where pairings <> 0 or mothers <> 0;
