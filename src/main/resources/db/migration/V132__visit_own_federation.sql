-- A contact keeps its own federation (its pairing's, moved with the child by the visit
-- module on ChildFederationChanged), so that who sees a contact is decided by the contact's
-- own row. The table is large (tens of millions of rows at province scale): one UPDATE
-- ... FROM, with the per-row summary trigger off while it runs (it would subtract and add
-- the same figures for every row: the contact stays in its pairing's federation).
alter table visit add column federation_id bigint references federation (id);

alter table visit disable trigger visit_summary_write;
update visit v set federation_id = y.federation_id from pairing y where y.id = v.pairing_id;
alter table visit enable trigger visit_summary_write;

alter table visit alter column federation_id set not null;

-- the staff's review queue: the unreviewed contacts of a scope, newest recorded first
create index visit_federation_unreviewed_idx on visit (federation_id, created_at desc) where reviewed_at is null;
