-- The child module's state figures per federation, kept in the transaction that changes a
-- child or her categories (the triggers below), so that the dashboard and the ledger read
-- a few rows per federation instead of counting every child of a province on each request.
--
-- One row per federation holding the children (a township, usually) and status, and one
-- per federation, status and category; a federation above is the sum of its subtree's
-- rows, read when asked. Rebuilt from the records by child_summaries_rebuild().
create table child_state_summary (
    federation_id bigint not null references federation (id),
    status        varchar(16) not null,
    children      bigint not null default 0,
    primary key (federation_id, status)
);

create table child_category_summary (
    federation_id bigint not null references federation (id),
    status        varchar(16) not null,
    category      varchar(24) not null,
    children      bigint not null default 0,
    primary key (federation_id, status, category)
);

create function child_state_add(fed bigint, st varchar, n bigint) returns void as $$
    insert into child_state_summary as s (federation_id, status, children) values (fed, st, n)
    on conflict (federation_id, status) do update set children = s.children + n;
$$ language sql;

create function child_category_add(fed bigint, st varchar, cat varchar, n bigint) returns void as $$
    insert into child_category_summary as s (federation_id, status, category, children) values (fed, st, cat, n)
    on conflict (federation_id, status, category) do update set children = s.children + n;
$$ language sql;

create function child_summarise() returns trigger as $$
declare
    r record;
begin
    if tg_op = 'INSERT' then
        perform child_state_add(new.federation_id, new.status, 1);
        return null;
    elsif tg_op = 'UPDATE' then
        perform child_state_add(old.federation_id, old.status, -1);
        perform child_state_add(new.federation_id, new.status, 1);
        for r in select category from child_category where child_id = new.id loop
            perform child_category_add(old.federation_id, old.status, r.category, -1);
            perform child_category_add(new.federation_id, new.status, r.category, 1);
        end loop;
        return null;
    else
        -- before the row goes, while its categories are still there (they go with it)
        perform child_state_add(old.federation_id, old.status, -1);
        for r in select category from child_category where child_id = old.id loop
            perform child_category_add(old.federation_id, old.status, r.category, -1);
        end loop;
        return old;
    end if;
end;
$$ language plpgsql;

create trigger child_summary_insert
    after insert on child
    for each row execute function child_summarise();

create trigger child_summary_update
    after update of federation_id, status on child
    for each row when (new.federation_id is distinct from old.federation_id or new.status is distinct from old.status)
    execute function child_summarise();

create trigger child_summary_delete
    before delete on child
    for each row execute function child_summarise();

-- A category counts with its child's federation and status; a category removed with its
-- child (the child's row already gone) was subtracted with the child.
create function child_category_summarise() returns trigger as $$
declare
    c record;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        select federation_id, status into c from child where id = old.child_id;
        if found then
            perform child_category_add(c.federation_id, c.status, old.category, -1);
        end if;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        select federation_id, status into c from child where id = new.child_id;
        perform child_category_add(c.federation_id, c.status, new.category, 1);
    end if;
    return null;
end;
$$ language plpgsql;

create trigger child_category_summary
    after insert or update or delete on child_category
    for each row execute function child_category_summarise();

-- Recomputes the summaries from the records; returns how many rows differed before.
create function child_summaries_rebuild() returns bigint as $$
declare
    differences bigint;
begin
    lock table child_state_summary, child_category_summary in exclusive mode;
    create temporary table child_state_fresh on commit drop as
        select federation_id, status, count(*)::bigint as children from child group by 1, 2;
    create temporary table child_category_fresh on commit drop as
        select c.federation_id, c.status, cc.category, count(*)::bigint as children
        from child c join child_category cc on cc.child_id = c.id group by 1, 2, 3;
    select count(*) into differences
    from child_state_fresh r
    full join (select * from child_state_summary where children <> 0) s using (federation_id, status)
    where r.children is distinct from s.children;
    select differences + count(*) into differences
    from child_category_fresh r
    full join (select * from child_category_summary where children <> 0) s using (federation_id, status, category)
    where r.children is distinct from s.children;
    delete from child_state_summary;
    insert into child_state_summary select * from child_state_fresh;
    delete from child_category_summary;
    insert into child_category_summary select * from child_category_fresh;
    drop table child_state_fresh;
    drop table child_category_fresh;
    return differences;
end;
$$ language plpgsql;

select child_summaries_rebuild();

-- The read models of V62, now over the summaries (same columns).
create or replace view child_federation_figures as
    select federation_id, children as active from child_state_summary where status = 'ACTIVE' and children <> 0;

create or replace view child_category_figures as
    select federation_id, category, children as active
    from child_category_summary where status = 'ACTIVE' and children <> 0;
