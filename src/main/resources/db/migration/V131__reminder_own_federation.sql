-- A reminder keeps its own federation (its pairing's, moved with the child by the visit
-- module on ChildFederationChanged), so that the staff's list of reminders is scoped by
-- the reminder's own row.
alter table reminder add column federation_id bigint references federation (id);

update reminder r set federation_id = y.federation_id from pairing y where y.id = r.pairing_id;

alter table reminder alter column federation_id set not null;

-- the staff's list: the reminders of a scope, newest first
create index reminder_federation_created_idx on reminder (federation_id, created_at desc, id desc);
