-- Read models for the ledger's lists (its contacts and open-needs sheets, and a closed month's
-- later edits): each view is published by the module that owns its tables, so that the
-- dashboard joins views and never another module's tables. Rows, not sums: the dashboard
-- selects one month or the open needs of a subtree through the federation of each row.

-- child: how a child is named on a list (the masked ID number only), with her federation
create view child_names as
    select id as child_id, federation_id, name, id_number_masked from child;

-- volunteer: how a mother is named on a list, with the number to reach her
create view volunteer_names as
    select id as volunteer_id, name, phone from volunteer;

-- visit: one row per contact, with its pairing's child, mother and the child's federation
-- (through the pairing module's pairing_periods), its kinds of care and the value of its gifts
create view visit_contacts as
    select x.id as visit_id, p.federation_id, p.child_id, p.volunteer_id, x.visit_date, x.mode,
           x.duration_minutes, x.child_mood,
           (select string_agg(vc.care_type, ',' order by vc.care_type) from visit_care vc where vc.visit_id = x.id)
               as care_types,
           (select coalesce(sum(g.value_yuan), 0) from visit_gift g where g.visit_id = x.id) as gift_value,
           x.reviewed_at is not null as reviewed, x.created_at, x.updated_at
    from visit x join pairing_periods p on p.pairing_id = x.pairing_id;

-- need: the needs still open (open or in progress), with the federation of their child
-- (through the child module's child_names)
create view need_open as
    select n.id as need_id, c.federation_id, n.child_id, n.raised_at, n.category, n.urgency, n.status,
           n.description, n.mandatory_report and n.report_action is null as safety_open
    from need n join child_names c on c.child_id = n.child_id
    where n.status in ('OPEN', 'IN_PROGRESS');
