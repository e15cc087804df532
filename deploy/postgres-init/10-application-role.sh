#!/bin/sh
# Run once by the postgres image when it creates the database (docker-entrypoint-initdb.d):
# the role the application connects as. It owns nothing; Flyway, migrating as the owner
# (POSTGRES_USER), gives it row rights only (db/migration/afterMigrate__grant_application_role.sql).
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'EOSQL'
create role caringmothers_app login password :'app_password';
EOSQL
