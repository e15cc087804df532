-- A mother's entries on one child that she may still correct, newest recorded first: her
-- home page reads the latest few of each child and counts them up to a cap, and the index
-- lets both stop after that many rows however many entries she has made.
create index visit_author_pairing_created_idx on visit (recorded_by, pairing_id, created_at desc, id desc);
