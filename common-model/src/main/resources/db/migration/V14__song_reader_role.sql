-- The song reader: a PostgreSQL role that can only SELECT songs and their descriptors (song, song_descriptors,
-- and embedding, where MusiCNN's moods and tags are kept). The instant playlists' metadata queries, whose values
-- a language model chooses, run as this role (SET LOCAL ROLE inside a READ ONLY transaction of the API's own
-- pool; dev.sonority.api.instant.tools.ReadOnlyLibrary), so even a query we got wrong could not write.
--
-- Roles belong to the whole PostgreSQL cluster, databases do not: the role is named after this database
-- (sonority_reader_role()), so every database of a cluster (a user's, each test run's) has a reader of its own
-- and none can read another's tables. NOLOGIN: nobody connects as it, so it has no password to keep; the API's
-- user becomes a member and switches to it. Creating a role needs CREATEROLE (or a superuser, as the compose
-- and one-command databases are): without it this migration creates nothing, says so, and the API keeps the
-- language model off (rules only) until an administrator creates it (the notice below says how).

CREATE FUNCTION sonority_reader_role() RETURNS text LANGUAGE sql STABLE AS $$
    -- at most 63 bytes, PostgreSQL's longest name
    SELECT left(current_database(), 56) || '_reader'
$$;

DO $$
DECLARE
    reader text := sonority_reader_role();
    may_create boolean := (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = reader) THEN
        IF NOT may_create THEN
            RAISE NOTICE 'Role % not created: % may not create roles. As a superuser run: CREATE ROLE % NOLOGIN; GRANT %'
                ' TO %; then, as %: SELECT sonority_grant_reader(); and restart the API.', reader, current_user, reader,
                reader, current_user, current_user;
            RETURN;
        END IF;
        EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION', reader);
    END IF;
    IF NOT pg_has_role(current_user, reader, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', reader, current_user);
    END IF;
END $$;

-- What the reader may see; a later migration that adds a table the reader needs grants it there.
CREATE FUNCTION sonority_grant_reader() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    reader text := sonority_reader_role();
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = reader) THEN
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', current_schema(), reader);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', current_schema(), reader);
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), reader);
        EXECUTE format('GRANT SELECT ON song, song_descriptors, embedding TO %I', reader);
    END IF;
END $$;

DO $$ BEGIN PERFORM sonority_grant_reader(); END $$;
