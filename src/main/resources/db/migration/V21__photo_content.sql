-- Contact photos kept in PostgreSQL (so every instance sees them and one backup holds them),
-- in chunks of at most 256 KiB so that neither writing nor serving a photo holds it whole in
-- memory. A photo is its name (visit_photo.stored_name) and its chunks in order.
create table photo_chunk (
    name   varchar(64) not null,
    seq    integer     not null check (seq >= 0),
    bytes  bytea       not null,
    primary key (name, seq)
);
