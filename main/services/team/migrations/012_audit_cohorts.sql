-- issue 11: a manager's look at a year at 200,000 conferences opened two years of monthly digests
-- (009) — some 40 MB of summaries and audit facts, for the cohort's 12,000 children and for who
-- came back — and worked the cohort out afresh: over a second, where the screen has half of one.
-- A manager's app now also keeps the cohort it last worked out for a period, as the screen reads
-- it (each child's row, its indicators' statuses, whether the child came back; no sentences), and
-- the next look at that period shows it while the conferences it was worked out from are
-- unchanged (audit-cohorts.ts).
--
-- Like a digest, a cohort copy is a cache, never a source: it names every conference and revision
-- of the period's window as one fingerprint and is used only while the server still holds exactly
-- those, on the day it was worked out or until no deadline in it can pass; judgements are always
-- read afresh. Sealed with the member's personal key and bound to member and period, so nobody
-- else can read one or make one that opens for them. The server sees a member, a period and a size.
CREATE TABLE IF NOT EXISTS cpc.audit_cohorts (
  member name NOT NULL DEFAULT session_user,
  period_from date NOT NULL,
  period_to date NOT NULL,
  sealed bytea NOT NULL,
  -- Each row's sentences and came-back matches, sealed apart: read only for the drill-down and
  -- the exports, never at a look; written just after the copy (null until then).
  details bytea,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member, period_from, period_to)
);
ALTER TABLE cpc.audit_cohorts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON cpc.audit_cohorts FOR ALL USING (member = session_user) WITH CHECK (member = session_user);
GRANT SELECT, INSERT, UPDATE, DELETE ON cpc.audit_cohorts TO {{prefix}}manager;

-- A removed member's cohort copies go with their digests (010).
CREATE OR REPLACE FUNCTION cpc.remove_member(p_login text) RETURNS void
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
    DELETE FROM cpc.audit_digests WHERE member = p_login;
    DELETE FROM cpc.audit_cohorts WHERE member = p_login;
    DELETE FROM cpc.edit_leases WHERE member = p_login;
  END $$;
