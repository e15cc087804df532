-- A child whose record is closed ends her pairing with a reason of its own.
alter table pairing drop constraint pairing_end_reason_check;
alter table pairing add constraint pairing_end_reason_check
    check (end_reason in ('CHILD_AGED_OUT', 'CHILD_MOVED', 'CHILD_CLOSED', 'PARENTS_RETURNED', 'MOTHER_WITHDREW', 'OTHER'));
