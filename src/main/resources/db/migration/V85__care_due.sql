-- Care gaps as one query over maintained state, never a scan of the contacts.
--
-- federation: the care cadence in force for each federation (its own contact_days and
-- home_visit_days, else the nearest ancestor's, else the programme's defaults 30 and 90, as
-- ProgrammeSettings.DEFAULTS), kept in the federation's own row by the triggers below in the
-- transaction that sets a rule or adds a federation, and published as a view.
alter table federation
    add column care_contact_days    integer,
    add column care_home_visit_days integer;

create function federation_care_cadence_refresh(root_path varchar) returns void as $$
    update federation f set
        care_contact_days = coalesce((select a.contact_days from federation a
            where a.id = any (string_to_array(trim(both '/' from f.path), '/')::bigint[])
              and a.contact_days is not null
            order by length(a.path) desc limit 1), 30),
        care_home_visit_days = coalesce((select a.home_visit_days from federation a
            where a.id = any (string_to_array(trim(both '/' from f.path), '/')::bigint[])
              and a.home_visit_days is not null
            order by length(a.path) desc limit 1), 90)
    where f.path like root_path || '%';
$$ language sql;

create function federation_care_cadence_insert() returns trigger as $$
declare
    parent record;
begin
    select care_contact_days, care_home_visit_days into parent from federation where id = new.parent_id;
    new.care_contact_days := coalesce(new.contact_days, parent.care_contact_days, 30);
    new.care_home_visit_days := coalesce(new.home_visit_days, parent.care_home_visit_days, 90);
    return new;
end;
$$ language plpgsql;

create trigger federation_care_cadence_insert
    before insert on federation
    for each row execute function federation_care_cadence_insert();

create function federation_care_cadence_update() returns trigger as $$
begin
    perform federation_care_cadence_refresh(new.path);
    return null;
end;
$$ language plpgsql;

-- the refresh sets only the care_* columns, so it does not fire this trigger again
create trigger federation_care_cadence_update
    after update of contact_days, home_visit_days on federation
    for each row when (new.contact_days is distinct from old.contact_days
                       or new.home_visit_days is distinct from old.home_visit_days)
    execute function federation_care_cadence_update();

select federation_care_cadence_refresh('/');

alter table federation
    alter column care_contact_days set not null,
    alter column care_home_visit_days set not null;

create view federation_care_cadence as
    select id as federation_id, care_contact_days as contact_days, care_home_visit_days as home_visit_days
    from federation;

-- visit: the due dates of every active pairing (CareCadence: from the last contact or home
-- visit, or from the pairing's start before the first), from the pairing module's periods,
-- the last contacts this module keeps (V60) and the federation's cadence. A pairing is a
-- care gap when the earlier due date has passed: least(contact_due, home_visit_due) < today.
create view visit_care_due as
    select y.pairing_id, y.federation_id, y.volunteer_id, y.child_id, y.start_date,
           l.last_contact, l.last_home_visit, k.contact_days, k.home_visit_days,
           coalesce(l.last_contact, y.start_date) + k.contact_days as contact_due,
           coalesce(l.last_home_visit, y.start_date) + k.home_visit_days as home_visit_due
    from pairing_periods y
    join federation_care_cadence k on k.federation_id = y.federation_id
    left join visit_pairing_last l on l.pairing_id = y.pairing_id
    where y.end_date is null;
