-- Read models the other modules publish for the dashboard and the ledger. These figures
-- grow with the people in the programme, not with its history (one row per child, mother,
-- pairing, event or training credit), so they are views over the owning module's records,
-- grouped per federation; the dashboard sums a subtree's federations when it reads them.

-- child: active children, and by category
create view child_federation_figures as
    select federation_id, count(*) as active from child where status = 'ACTIVE' group by federation_id;

create view child_category_figures as
    select c.federation_id, cc.category, count(*) as active
    from child c join child_category cc on cc.child_id = c.id
    where c.status = 'ACTIVE' group by c.federation_id, cc.category;

-- volunteer: active mothers, reserves not withdrawn, applicants; training hours by day
create view volunteer_federation_figures as
    select federation_id,
           count(*) filter (where role = 'MOTHER' and status = 'ACTIVE') as mothers_active,
           count(*) filter (where role = 'RESERVE' and status <> 'WITHDRAWN') as reserves,
           count(*) filter (where status in ('APPLIED', 'SCREENED', 'TRAINED')) as applicants
    from volunteer group by federation_id;

create view volunteer_training_daily_figures as
    select v.federation_id, t.training_date as day, sum(t.hours) as hours
    from volunteer_training t join volunteer v on v.id = t.volunteer_id
    group by v.federation_id, t.training_date;

-- event: events and attendance by day
create view event_daily_figures as
    select federation_id, event_date as day, count(*) as events, sum(attendance_count) as attendance
    from event group by federation_id, event_date;

-- pairing: every pairing with the federation of its child (the one place that joins them)
create view pairing_periods as
    select y.id as pairing_id, c.federation_id, y.volunteer_id, y.child_id, y.start_date, y.end_date
    from pairing y join child c on c.id = y.child_id;
