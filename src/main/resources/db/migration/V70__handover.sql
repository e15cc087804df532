-- 接替: a reserve volunteer takes over a leaving mother's children. A pairing made by a
-- handover names the pairing it continues, so that both mothers' records tell the story;
-- a reserve who becomes a caring mother leaves a line in her lifecycle history even when
-- her status does not change (it records the new role instead).
alter table pairing add column handed_over_from bigint references pairing (id);
create unique index pairing_handed_over_from_uq on pairing (handed_over_from) where handed_over_from is not null;

alter table volunteer_status_change add column to_role varchar(8) check (to_role in ('MOTHER', 'RESERVE'));

do $$
declare
    name text;
begin
    select c.conname into strict name from pg_constraint c
    where c.conrelid = 'volunteer_status_change'::regclass and c.contype = 'c'
      and pg_get_constraintdef(c.oid) ilike '%IS DISTINCT FROM%';
    execute format('alter table volunteer_status_change drop constraint %I', name);
end;
$$;

alter table volunteer_status_change add constraint volunteer_status_change_moves
    check (from_status is distinct from to_status or to_role is not null);
