-- 上报: a federation closes a month of its ledger (台账) and its figures are frozen as they
-- were reported. One report per federation and month; a report and its rows are never
-- changed or deleted afterwards (the triggers below refuse UPDATE, DELETE and TRUNCATE), so
-- that what was reported upward stays on record. Later edits to that month's contacts are
-- found by comparing the visits' created_at / updated_at with closed_at, not by changing
-- the report.
create table month_report (
    id             bigint generated always as identity primary key,
    federation_id  bigint not null references federation (id),
    month          date not null check (extract(day from month) = 1),
    closed_at      timestamptz not null default now(),
    closed_by      bigint not null references app_user (id),
    closed_by_name varchar(40) not null,
    unique (federation_id, month)
);

-- One row per federation directly below (BRANCH), one for the records held by the
-- federation itself (OWN), and the total (TOTAL, equal to the sum of the others). The
-- mothers and children are the numbers on the register at closing; every other figure
-- belongs to the month.
create table month_report_row (
    report_id       bigint not null references month_report (id),
    position        integer not null check (position >= 0),
    kind            varchar(8) not null check (kind in ('BRANCH', 'OWN', 'TOTAL')),
    federation_id   bigint not null references federation (id),
    code            varchar(12) not null,
    name            varchar(64) not null,
    mothers         integer not null check (mothers >= 0),
    children        integer not null check (children >= 0),
    left_behind     integer not null check (left_behind >= 0),
    orphan          integer not null check (orphan >= 0),
    de_facto_unsupported integer not null check (de_facto_unsupported >= 0),
    poverty         integer not null check (poverty >= 0),
    disability      integer not null check (disability >= 0),
    serious_illness integer not null check (serious_illness >= 0),
    guardianship_risk integer not null check (guardianship_risk >= 0),
    pairings_new    integer not null check (pairings_new >= 0),
    pairings_ended  integer not null check (pairings_ended >= 0),
    pairings_active integer not null check (pairings_active >= 0),
    contacts        integer not null check (contacts >= 0),
    home_visits     integer not null check (home_visits >= 0 and home_visits <= contacts),
    needs_opened    integer not null check (needs_opened >= 0),
    needs_resolved  integer not null check (needs_resolved >= 0),
    needs_referred  integer not null check (needs_referred >= 0),
    needs_open      integer not null check (needs_open >= 0),
    events          integer not null check (events >= 0),
    attendance      integer not null check (attendance >= 0),
    gift_value      numeric(14, 2) not null check (gift_value >= 0),
    primary key (report_id, position)
);

create unique index month_report_row_one_total on month_report_row (report_id) where kind = 'TOTAL';
create unique index month_report_row_one_per_federation on month_report_row (report_id, federation_id, kind);

create function month_report_refuse_change() returns trigger as $$
begin
    raise exception 'a reported month cannot be changed or deleted' using errcode = 'P0001';
end;
$$ language plpgsql;

create trigger month_report_no_update_or_delete
    before update or delete on month_report
    for each row execute function month_report_refuse_change();

create trigger month_report_no_truncate
    before truncate on month_report
    for each statement execute function month_report_refuse_change();

create trigger month_report_row_no_update_or_delete
    before update or delete on month_report_row
    for each row execute function month_report_refuse_change();

create trigger month_report_row_no_truncate
    before truncate on month_report_row
    for each statement execute function month_report_refuse_change();
