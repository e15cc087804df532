-- A one-time activation code with which a caring mother (or reserve) sets her own password at
-- her first sign-in, printed on a slip by county staff. Only its hash is kept; it expires.
alter table app_user
    add column activation_code_hash  varchar(200),
    add column activation_expires_at timestamptz,
    add check ((activation_code_hash is null) = (activation_expires_at is null));
