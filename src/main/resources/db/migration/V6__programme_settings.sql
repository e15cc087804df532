-- Programme rules a federation may set for itself; empty means "as the federation above it",
-- and at the top the programme's defaults (3 children per mother, a contact every 30 days,
-- a home visit every 90 days).
alter table federation
    add column mother_capacity integer check (mother_capacity between 1 and 10),
    add column contact_days    integer check (contact_days between 7 and 120),
    add column home_visit_days integer check (home_visit_days between 14 and 365);
