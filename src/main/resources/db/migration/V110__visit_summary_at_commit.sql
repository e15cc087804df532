-- A new contact adds itself to its village's day and month summary rows and to its
-- pairing's last-contact row at COMMIT instead of at the INSERT (a deferred constraint
-- trigger; still in the same transaction, so the contact and its counts are kept
-- together or not at all).
--
-- Why: those rows are shared (every contact of a village on one day updates the same day
-- row), and a row updated by the trigger stays locked until the transaction ends. At the
-- INSERT, the lock was held while the application went on to write the contact's care
-- types, its audit entry and any need, so that concurrent submissions from one village
-- waited for each other (seen as Lock:transactionid waits in pg_stat_activity with 8
-- connections). At COMMIT it is held only for the commit itself.
--
-- Updates and deletes of a contact keep their immediate triggers: they add and subtract
-- differences, which commute with the deferred addition. The deferred function reads the
-- contact's last-contact values from the row as it is at commit (changed or deleted since
-- the insert in the same transaction, the immediate triggers already counted that).

create function visit_summarise_inserted() returns trigger as $$
declare
    cur record;
begin
    perform visit_summary_add(visit_pairing_federation(new.pairing_id), new.visit_date, 1,
        case when new.mode = 'HOME_VISIT' then 1 else 0 end, 0);
    select x.pairing_id, x.visit_date, x.mode into cur from visit x where x.id = new.id;
    if found then
        insert into visit_pairing_last as l (pairing_id, last_contact, last_home_visit)
        values (cur.pairing_id, cur.visit_date, case when cur.mode = 'HOME_VISIT' then cur.visit_date end)
        on conflict (pairing_id) do update
            set last_contact = greatest(l.last_contact, excluded.last_contact),
                last_home_visit = greatest(l.last_home_visit, excluded.last_home_visit);
    end if;
    return null;
end;
$$ language plpgsql;

drop trigger visit_summary_write on visit;

create trigger visit_summary_write
    after update on visit
    for each row execute function visit_summarise();

create constraint trigger visit_summary_insert
    after insert on visit
    deferrable initially deferred
    for each row execute function visit_summarise_inserted();
