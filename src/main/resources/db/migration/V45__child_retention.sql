-- Retention of a child's personal data (PIPL art. 47): a guardian's withdrawal of consent is
-- recorded on the child, and a record whose period has run out is anonymised (its personal
-- fields emptied, its figures kept) at a recorded moment. An anonymised record keeps no
-- identity number and no keyed hash of it.
alter table child add column consent_withdrawn_on date;
alter table child add column anonymised_at timestamptz;
alter table child add constraint child_anonymised_without_identity
    check (anonymised_at is null or (id_number_cipher is null and id_number_index is null and id_number_masked is null));

create index child_retention_idx on child (status_changed_at) where anonymised_at is null and status <> 'ACTIVE';

-- The audit log gains the action ANONYMISE. The allowed actions are read from the constraint
-- as it stands (other migrations may have added some) and ANONYMISE is added to them.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into definition from pg_constraint
    where conrelid = 'audit_entry'::regclass and conname = 'audit_entry_action_check';
    if position('''ANONYMISE''' in definition) = 0 then
        execute 'alter table audit_entry drop constraint audit_entry_action_check';
        execute 'alter table audit_entry add constraint audit_entry_action_check '
            || replace(definition, '''VIEW''::character varying',
                       '''VIEW''::character varying, ''ANONYMISE''::character varying');
    end if;
end;
$$;

-- An ended pairing stays as it was, except that its free-text end note may be cleared when
-- the child's record is anonymised.
create or replace function pairing_keep_ended() returns trigger as $$
begin
    if old.end_date is not null then
        if new.end_note is null and new.end_date = old.end_date and new.end_reason = old.end_reason
           and new.volunteer_id = old.volunteer_id and new.child_id = old.child_id
           and new.start_date = old.start_date then
            return new;
        end if;
        raise exception 'an ended pairing cannot be changed' using errcode = 'P0001';
    end if;
    if new.volunteer_id <> old.volunteer_id or new.child_id <> old.child_id or new.start_date <> old.start_date then
        raise exception 'a pairing can only be ended' using errcode = 'P0001';
    end if;
    return new;
end;
$$ language plpgsql;
