-- Security events join the access log: signing in and out, failed sign-ins, lock-outs, and
-- refused requests (403, and 404 on a record outside the user's scope).
alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check
    check (action in ('VIEW', 'CREATE', 'UPDATE', 'STATUS', 'REVEAL', 'EXPORT', 'IMPORT', 'SIGN_IN', 'SIGN_IN_FAILED',
                      'LOCKED_OUT', 'SIGN_OUT', 'DENIED', 'OUT_OF_SCOPE'));
