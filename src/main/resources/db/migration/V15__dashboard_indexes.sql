-- Indexes for the progress dashboard's aggregate queries, kept because they measured
-- faster at province scale (DashboardBenchmarkTests: 50,000 children, 2,000,000 contacts)
-- and slowed no other dashboard query.
--
-- Active children of a subtree are counted from the index alone.
create index child_active_federation_idx on child (federation_id) where status = 'ACTIVE';

-- Training hours in a period: a range scan over the training days instead of the table.
create index volunteer_training_date_idx on volunteer_training (training_date) include (volunteer_id, hours);
