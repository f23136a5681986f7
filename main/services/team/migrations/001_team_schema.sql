-- The team store's first schema. Everything a conference says is sealed on the client
-- (AES-256-GCM under that conference's data key); the server holds ciphertext plus what it needs
-- to keep order: ids, revisions, timestamps, who wrote a row, and whether a conference is signed.
-- {{prefix}} is the team's role prefix (group roles are cluster-wide in PostgreSQL, and a council
-- may host more than one team on one server); the migrator substitutes it, checked to be [a-z0-9_].

-- ── group roles ───────────────────────────────────────────────────────────
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['{{prefix}}member', '{{prefix}}chair', '{{prefix}}minute_taker', '{{prefix}}manager', '{{prefix}}team_admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
  -- Only the team's people may connect, not every login on the server.
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), '{{prefix}}member');
END $$;

REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA cpc FROM PUBLIC;
GRANT USAGE ON SCHEMA cpc TO {{prefix}}member, {{prefix}}chair, {{prefix}}minute_taker, {{prefix}}manager, {{prefix}}team_admin;

-- ── who is in the team ───────────────────────────────────────────────────
CREATE TABLE cpc.members (
  login name PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('chair', 'minute_taker', 'manager', 'team_admin')),
  status text NOT NULL CHECK (status IN ('invited', 'enrolled', 'active', 'removed')),
  -- X25519 public key (SPKI DER) and the private key sealed by a key from the member's passphrase.
  public_key bytea,
  wrapped_private_key bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cpc.team_keys (
  version int PRIMARY KEY CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user
);

-- The team key of each version, sealed for one member's public key.
CREATE TABLE cpc.team_key_grants (
  version int NOT NULL REFERENCES cpc.team_keys,
  member name NOT NULL REFERENCES cpc.members,
  wrapped bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user,
  PRIMARY KEY (version, member)
);

-- ── conferences ──────────────────────────────────────────────────────────
CREATE TABLE cpc.conferences (
  id uuid PRIMARY KEY,
  revision int NOT NULL CHECK (revision >= 1),
  signed boolean NOT NULL DEFAULT false,
  -- What the list shows (date, type, children's first names…), sealed like everything else.
  summary bytea NOT NULL,
  summary_key_id int NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user
);
CREATE INDEX conferences_updated ON cpc.conferences (updated_at DESC, id);

-- Each conference's data keys (a new one after the team key rotates), sealed by a team key.
CREATE TABLE cpc.conference_keys (
  conference_id uuid NOT NULL REFERENCES cpc.conferences,
  key_id int NOT NULL CHECK (key_id >= 1),
  team_key_version int NOT NULL REFERENCES cpc.team_keys,
  wrapped bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user,
  PRIMARY KEY (conference_id, key_id)
);

-- Every version of every record, never changed: the record with its history entry, sealed.
CREATE TABLE cpc.conference_versions (
  conference_id uuid NOT NULL REFERENCES cpc.conferences,
  revision int NOT NULL,
  key_id int NOT NULL,
  sealed bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user,
  PRIMARY KEY (conference_id, revision),
  FOREIGN KEY (conference_id, key_id) REFERENCES cpc.conference_keys
);

-- The hash-chained history, one sealed entry per row, append-only.
CREATE TABLE cpc.history (
  conference_id uuid NOT NULL REFERENCES cpc.conferences,
  seq int NOT NULL CHECK (seq >= 0),
  key_id int NOT NULL,
  sealed bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user,
  PRIMARY KEY (conference_id, seq),
  FOREIGN KEY (conference_id, key_id) REFERENCES cpc.conference_keys
);

-- Signed versions (the minutes, then addenda): inserted by chairs only, never changed.
CREATE TABLE cpc.signatures (
  conference_id uuid NOT NULL REFERENCES cpc.conferences,
  version int NOT NULL CHECK (version >= 1),
  kind text NOT NULL CHECK (kind IN ('minutes', 'addendum')),
  revision int NOT NULL,
  key_id int NOT NULL,
  sealed bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user,
  PRIMARY KEY (conference_id, version),
  FOREIGN KEY (conference_id, key_id) REFERENCES cpc.conference_keys
);

-- A manager's audit judgement on a conference: inserted by managers only, never changed.
CREATE TABLE cpc.audit_judgements (
  id uuid PRIMARY KEY,
  conference_id uuid NOT NULL REFERENCES cpc.conferences,
  key_id int NOT NULL,
  sealed bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user,
  FOREIGN KEY (conference_id, key_id) REFERENCES cpc.conference_keys
);

-- Each person's own settings and chair profile (the profile holds their signing key, so it is
-- sealed by a key from their passphrase, not the team key: nobody else can sign as them).
CREATE TABLE cpc.member_settings (
  member name PRIMARY KEY DEFAULT session_user,
  sealed bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE cpc.member_profiles (
  member name PRIMARY KEY DEFAULT session_user,
  sealed bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- ── helpers ──────────────────────────────────────────────────────────────
-- session_user, not current_user: a member may SET ROLE to their group, but never becomes someone else.
CREATE FUNCTION cpc.has_role(group_name text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT pg_has_role(session_user, '{{prefix}}' || group_name, 'MEMBER')
  $$;

CREATE FUNCTION cpc.is_admin() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT pg_has_role(session_user, '{{prefix}}team_admin', 'MEMBER')
        OR session_user = (SELECT nspowner::regrole::name FROM pg_namespace WHERE nspname = 'cpc')
  $$;

-- ── history is append-only; signed versions cannot change ────────────────
CREATE FUNCTION cpc.refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'cpc: rows in % are never changed or removed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['team_keys', 'team_key_grants', 'conference_keys', 'conference_versions', 'history', 'signatures', 'audit_judgements'] LOOP
    EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON cpc.%I FOR EACH ROW EXECUTE FUNCTION cpc.refuse_change()', t);
    EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON cpc.%I FOR EACH STATEMENT EXECUTE FUNCTION cpc.refuse_change()', t);
  END LOOP;
END $$;
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON cpc.conferences FOR EACH STATEMENT EXECUTE FUNCTION cpc.refuse_change();
CREATE TRIGGER no_delete BEFORE DELETE ON cpc.conferences FOR EACH ROW EXECUTE FUNCTION cpc.refuse_change();

-- A conference's row moves one revision at a time, and not at all once signed. Only the
-- signatures trigger (below, as the owner) sets `signed`; members have no UPDATE right on it.
CREATE FUNCTION cpc.check_conference_update() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.id <> OLD.id OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
      RAISE EXCEPTION 'cpc: a conference keeps its id and creation' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.signed THEN
      RAISE EXCEPTION 'cpc: conference % is signed and cannot be changed', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.signed THEN
      IF NEW.revision <> OLD.revision OR NEW.summary <> OLD.summary THEN
        RAISE EXCEPTION 'cpc: signing changes nothing else' USING ERRCODE = 'insufficient_privilege';
      END IF;
    ELSIF NEW.revision <> OLD.revision + 1 THEN
      RAISE EXCEPTION 'cpc: conference % is at revision %, not %', OLD.id, OLD.revision, NEW.revision - 1 USING ERRCODE = 'serialization_failure';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
  END $$;
CREATE TRIGGER check_update BEFORE UPDATE ON cpc.conferences FOR EACH ROW EXECUTE FUNCTION cpc.check_conference_update();

-- A version is written only at its conference's current revision (the row was moved first, in
-- the same transaction), and never once the conference is signed.
CREATE FUNCTION cpc.check_version_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  DECLARE c record;
  BEGIN
    SELECT revision, signed INTO c FROM cpc.conferences WHERE id = NEW.conference_id;
    IF c.signed THEN
      RAISE EXCEPTION 'cpc: conference % is signed and cannot be changed', NEW.conference_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.revision <> c.revision THEN
      RAISE EXCEPTION 'cpc: version % is not the conference''s current revision', NEW.revision USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN NEW;
  END $$;
CREATE TRIGGER check_insert BEFORE INSERT ON cpc.conference_versions FOR EACH ROW EXECUTE FUNCTION cpc.check_version_insert();

-- History entries follow on one by one; once signed, only a chair may add one (an addendum's).
CREATE FUNCTION cpc.check_history_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  DECLARE next_seq int;
  BEGIN
    SELECT coalesce(max(seq) + 1, 0) INTO next_seq FROM cpc.history WHERE conference_id = NEW.conference_id;
    IF NEW.seq <> next_seq THEN
      RAISE EXCEPTION 'cpc: history entry % out of turn', NEW.seq USING ERRCODE = 'serialization_failure';
    END IF;
    IF (SELECT signed FROM cpc.conferences WHERE id = NEW.conference_id) AND NOT cpc.has_role('chair') THEN
      RAISE EXCEPTION 'cpc: conference % is signed: only a chair may add to it', NEW.conference_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$;
CREATE TRIGGER check_insert BEFORE INSERT ON cpc.history FOR EACH ROW EXECUTE FUNCTION cpc.check_history_insert();

-- The minutes' signature marks the conference signed; addenda follow a signed conference.
CREATE FUNCTION cpc.check_signature_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  DECLARE c record;
  DECLARE next_version int;
  BEGIN
    IF NOT cpc.has_role('chair') THEN
      RAISE EXCEPTION 'cpc: only a chair may sign' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT revision, signed INTO c FROM cpc.conferences WHERE id = NEW.conference_id FOR UPDATE;
    SELECT coalesce(max(version) + 1, 1) INTO next_version FROM cpc.signatures WHERE conference_id = NEW.conference_id;
    IF NEW.version <> next_version OR NEW.revision <> c.revision
       OR (NEW.kind = 'minutes') <> (NEW.version = 1) OR (NEW.kind = 'minutes') = c.signed THEN
      RAISE EXCEPTION 'cpc: signed version % does not follow on', NEW.version USING ERRCODE = 'serialization_failure';
    END IF;
    IF NEW.kind = 'minutes' THEN
      UPDATE cpc.conferences SET signed = true WHERE id = NEW.conference_id;
    END IF;
    RETURN NEW;
  END $$;
CREATE TRIGGER check_insert BEFORE INSERT ON cpc.signatures FOR EACH ROW EXECUTE FUNCTION cpc.check_signature_insert();

-- ── membership: added by an admin, enrolled by the member, confirmed by an admin ──────
CREATE FUNCTION cpc.add_member(p_login text, member_role text, setup_verifier text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  BEGIN
    IF NOT cpc.is_admin() THEN
      RAISE EXCEPTION 'cpc: only a team admin may add members' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_login !~ '^[a-z][a-z0-9_.-]{1,40}$' OR member_role NOT IN ('chair', 'minute_taker', 'manager', 'team_admin')
       OR setup_verifier !~ '^SCRAM-SHA-256\$' THEN
      RAISE EXCEPTION 'cpc: bad member details' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- The server is given a SCRAM verifier, never the setup code itself.
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, setup_verifier, '{{prefix}}member');
    INSERT INTO cpc.members (login, role, status) VALUES (p_login, member_role, 'invited');
  END $$;

-- Called by the member, signed in with the setup code: keeps their keys and makes their
-- passphrase-derived password the only one that works from now on.
CREATE FUNCTION cpc.enrol(public_key bytea, wrapped_private_key bytea, password_verifier text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  BEGIN
    IF password_verifier !~ '^SCRAM-SHA-256\$' THEN
      RAISE EXCEPTION 'cpc: bad password verifier' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE cpc.members m SET public_key = enrol.public_key, wrapped_private_key = enrol.wrapped_private_key,
      status = 'enrolled', updated_at = now()
      WHERE m.login = session_user AND m.status = 'invited';
    IF NOT FOUND THEN
      RAISE EXCEPTION 'cpc: % has no invitation waiting', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, password_verifier);
  END $$;

-- The admin wraps the team key for an enrolled member and gives them their role. The very first
-- admin confirms themselves, which is how a new team gets its first team key.
CREATE FUNCTION cpc.confirm_member(p_login text, p_version int, p_wrapped bytea) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  DECLARE m record;
  BEGIN
    SELECT * INTO m FROM cpc.members WHERE members.login = p_login FOR UPDATE;
    IF m IS NULL OR m.status <> 'enrolled' THEN
      RAISE EXCEPTION 'cpc: % is not waiting to be confirmed', p_login USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT (cpc.is_admin() OR (m.role = 'team_admin' AND p_login = session_user
            AND NOT EXISTS (SELECT 1 FROM cpc.members WHERE status = 'active'))) THEN
      RAISE EXCEPTION 'cpc: only a team admin may confirm members' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO cpc.team_keys (version) VALUES (p_version) ON CONFLICT DO NOTHING;
    INSERT INTO cpc.team_key_grants (version, member, wrapped) VALUES (p_version, p_login, p_wrapped);
    UPDATE cpc.members SET status = 'active', updated_at = now() WHERE members.login = p_login;
    EXECUTE format('GRANT %I TO %I', '{{prefix}}' || m.role, p_login);
  END $$;

-- Removed: no login, no group, so the next statement they send is refused. Rows they wrote stay.
CREATE FUNCTION cpc.remove_member(p_login text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  DECLARE m record;
  BEGIN
    IF NOT cpc.is_admin() THEN
      RAISE EXCEPTION 'cpc: only a team admin may remove members' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO m FROM cpc.members WHERE members.login = p_login FOR UPDATE;
    IF m IS NULL OR m.status = 'removed' THEN
      RAISE EXCEPTION 'cpc: % is not a member', p_login USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE cpc.members SET status = 'removed', updated_at = now() WHERE members.login = p_login;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
    EXECUTE format('REVOKE %I, %I FROM %I', '{{prefix}}' || m.role, '{{prefix}}member', p_login);
  END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cpc FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cpc.has_role(text), cpc.is_admin() TO {{prefix}}member;
GRANT EXECUTE ON FUNCTION cpc.enrol(bytea, bytea, text) TO {{prefix}}member;
GRANT EXECUTE ON FUNCTION cpc.add_member(text, text, text), cpc.confirm_member(text, int, bytea), cpc.remove_member(text) TO {{prefix}}member;
-- (The three above check is_admin themselves; the bootstrap admin is not yet in team_admin.)

-- ── grants ───────────────────────────────────────────────────────────────
GRANT SELECT ON cpc.members, cpc.team_keys, cpc.team_key_grants TO {{prefix}}member;
GRANT INSERT ON cpc.team_keys, cpc.team_key_grants TO {{prefix}}team_admin;

GRANT SELECT ON cpc.conferences, cpc.conference_keys, cpc.conference_versions, cpc.history, cpc.signatures, cpc.audit_judgements
  TO {{prefix}}chair, {{prefix}}minute_taker, {{prefix}}manager;
GRANT INSERT ON cpc.conferences, cpc.conference_keys, cpc.conference_versions, cpc.history TO {{prefix}}chair, {{prefix}}minute_taker;
GRANT UPDATE (revision, summary, summary_key_id, updated_at) ON cpc.conferences TO {{prefix}}chair, {{prefix}}minute_taker;
GRANT INSERT ON cpc.signatures TO {{prefix}}chair;
GRANT INSERT ON cpc.audit_judgements TO {{prefix}}manager;
GRANT SELECT, INSERT, UPDATE ON cpc.member_settings, cpc.member_profiles
  TO {{prefix}}chair, {{prefix}}minute_taker, {{prefix}}manager, {{prefix}}team_admin;

-- ── row-level security: nobody writes a row in another's name ────────────
ALTER TABLE cpc.members ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON cpc.members FOR SELECT USING (login = session_user OR cpc.has_role('chair') OR cpc.has_role('minute_taker') OR cpc.has_role('manager') OR cpc.is_admin());

ALTER TABLE cpc.team_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON cpc.team_keys FOR SELECT USING (true);
CREATE POLICY own ON cpc.team_keys FOR INSERT WITH CHECK (created_by = session_user);

ALTER TABLE cpc.team_key_grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON cpc.team_key_grants FOR SELECT USING (member = session_user OR cpc.is_admin());
CREATE POLICY own ON cpc.team_key_grants FOR INSERT WITH CHECK (created_by = session_user);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['conferences', 'conference_keys', 'conference_versions', 'history', 'signatures', 'audit_judgements'] LOOP
    EXECUTE format('ALTER TABLE cpc.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY visible ON cpc.%I FOR SELECT USING (true)', t);
    EXECUTE format('CREATE POLICY own ON cpc.%I FOR INSERT WITH CHECK (created_by = session_user)', t);
  END LOOP;
END $$;
CREATE POLICY moves ON cpc.conferences FOR UPDATE USING (true) WITH CHECK (true);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['member_settings', 'member_profiles'] LOOP
    EXECUTE format('ALTER TABLE cpc.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY own ON cpc.%I FOR ALL USING (member = session_user) WITH CHECK (member = session_user)', t);
  END LOOP;
END $$;
GRANT SELECT ON cpc.schema_migrations TO {{prefix}}member;
