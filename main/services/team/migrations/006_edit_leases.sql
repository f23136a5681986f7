-- Edit leases (issue 9, "being edited by …"): a member who opens a conference to edit holds a
-- short lease, renewed while the page is open and released on leaving, so a second person opening
-- it is told who else is in it. Advice, not a lock: saves are still guarded by the revision
-- (a stale one is refused as a conflict), so a lost or expired lease can never lose text.
-- The server keeps only who (the login it already knows), which conference and until when; the
-- name teammates see is sealed under the team key with associated data naming the conference and
-- the member (pg-store.ts), as every other name is.
CREATE TABLE IF NOT EXISTS cpc.edit_leases (
  conference_id uuid NOT NULL REFERENCES cpc.conferences,
  member name NOT NULL DEFAULT session_user REFERENCES cpc.members,
  team_key_version int NOT NULL,
  sealed bytea NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conference_id, member)
);
CREATE INDEX IF NOT EXISTS edit_leases_expiry ON cpc.edit_leases (conference_id, expires_at);

-- The server's clock sets both times, so a client can neither hold a lease for ever nor backdate
-- one; renewing keeps "since" unless the lease had already run out.
CREATE OR REPLACE FUNCTION cpc.set_lease_times() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' THEN
      IF NEW.conference_id <> OLD.conference_id OR NEW.member <> OLD.member THEN
        RAISE EXCEPTION 'cpc: a lease keeps its conference and member' USING ERRCODE = 'insufficient_privilege';
      END IF;
      NEW.taken_at := CASE WHEN OLD.expires_at > now() THEN OLD.taken_at ELSE now() END;
    ELSE
      NEW.taken_at := now();
    END IF;
    NEW.expires_at := now() + interval '90 seconds';
    RETURN NEW;
  END $$;
DROP TRIGGER IF EXISTS set_times ON cpc.edit_leases;
CREATE TRIGGER set_times BEFORE INSERT OR UPDATE ON cpc.edit_leases FOR EACH ROW EXECUTE FUNCTION cpc.set_lease_times();

-- Those who edit take leases; managers (read-only) only see them.
GRANT SELECT, INSERT, UPDATE, DELETE ON cpc.edit_leases TO {{prefix}}chair, {{prefix}}minute_taker;
GRANT SELECT ON cpc.edit_leases TO {{prefix}}manager;

-- Nobody takes, renews or releases a lease in another's name.
ALTER TABLE cpc.edit_leases ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS visible ON cpc.edit_leases;
CREATE POLICY visible ON cpc.edit_leases FOR SELECT USING (true);
DROP POLICY IF EXISTS own_insert ON cpc.edit_leases;
CREATE POLICY own_insert ON cpc.edit_leases FOR INSERT WITH CHECK (member = session_user);
DROP POLICY IF EXISTS own_update ON cpc.edit_leases;
CREATE POLICY own_update ON cpc.edit_leases FOR UPDATE USING (member = session_user) WITH CHECK (member = session_user);
DROP POLICY IF EXISTS own_delete ON cpc.edit_leases;
CREATE POLICY own_delete ON cpc.edit_leases FOR DELETE USING (member = session_user);
