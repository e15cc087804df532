-- A pairing keeps its own federation (its child's, kept in step by the pairing module when
-- the child moves: ChildFederationChanged), so that who sees a pairing is decided by the
-- pairing's own row, without reading the child module's table.
alter table pairing add column federation_id bigint references federation (id);

-- An ended pairing stays as it was, except that its free-text end note may be cleared when
-- the child's record is anonymised and that it moves with its child to another federation.
create or replace function pairing_keep_ended() returns trigger as $$
begin
    if old.end_date is not null then
        if new.end_date = old.end_date and new.end_reason = old.end_reason
           and new.volunteer_id = old.volunteer_id and new.child_id = old.child_id
           and new.start_date = old.start_date
           and (new.end_note is null or new.end_note is not distinct from old.end_note) then
            return new;
        end if;
        raise exception 'an ended pairing cannot be changed' using errcode = 'P0001';
    end if;
    if new.volunteer_id <> old.volunteer_id or new.child_id <> old.child_id or new.start_date <> old.start_date then
        raise exception 'a pairing can only be ended' using errcode = 'P0001';
    end if;
    return new;
end;
$$ language plpgsql;

update pairing p set federation_id = c.federation_id from child c where c.id = p.child_id;

alter table pairing alter column federation_id set not null;

-- the scoped counts and lists of active pairings (Scope over the pairing's federation)
create index pairing_federation_active_idx on pairing (federation_id) where end_date is null;
create index pairing_federation_idx on pairing (federation_id);

-- The pairing module's published periods name the pairing's own federation.
create or replace view pairing_periods as
    select y.id as pairing_id, y.federation_id, y.volunteer_id, y.child_id, y.start_date, y.end_date
    from pairing y;

-- A pairing moved to another federation moves its figures (not only a change of dates,
-- mother or child).
create or replace function pairing_year_updated() returns trigger as $$
begin
    perform pairing_year_refresh(array(select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.child_id, n.volunteer_id, n.start_date, n.end_date, n.federation_id)
              is distinct from (o.child_id, o.volunteer_id, o.start_date, o.end_date, o.federation_id)));
    return null;
end;
$$ language plpgsql;

create or replace function visit_care_pairing_updated() returns trigger as $$
begin
    perform visit_care_refresh(array(select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.child_id, n.start_date, n.end_date, n.federation_id)
              is distinct from (o.child_id, o.start_date, o.end_date, o.federation_id)));
    return null;
end;
$$ language plpgsql;

-- A contact counts in its pairing's federation.
create or replace function visit_pairing_federation(p bigint) returns bigint as $$
    select y.federation_id from pairing y where y.id = p;
$$ language sql stable;
