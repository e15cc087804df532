-- Contacts in a period, for the dashboard and the monthly ledger: a month of a province's
-- contacts is read from this index instead of scanning every contact. (The dashboard asks
-- for plans made for each query's own values; with a generic plan PostgreSQL would also
-- pick this index for a year of a whole province, where scanning the table is faster.)
create index visit_date_idx on visit (visit_date) include (pairing_id, mode);
