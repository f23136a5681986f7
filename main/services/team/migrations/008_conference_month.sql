-- issue 11: the manager's audit of a year reads only the conferences held in that year and in the
-- twelve months after it (to see who came back), not ten years of them: at 200,000 conferences,
-- opening every sealed summary cost more than a minute. So the server holds, beside each sealed
-- summary, the month the conference was held (the first of that month) — not its day, type,
-- children or outcome. Written by the member's app with every save, as the sealed summary is;
-- null for a conference with no date yet, and for those saved before this migration until they
-- are saved again: every cohort reads those rows as well, so none is ever left out.
ALTER TABLE cpc.conferences ADD COLUMN IF NOT EXISTS conference_month date
  CHECK (conference_month IS NULL OR date_trunc('month', conference_month) = conference_month);
CREATE INDEX IF NOT EXISTS conferences_month ON cpc.conferences (conference_month);
-- The audit's facts (the answers and dates each child's row is worked out from), sealed under the
-- team key like the summary but apart from it: the list and the months after a period (read only
-- for who came back) need only the summary, and the facts are read only for the children in the
-- cohort. Null for rows written before this migration, whose facts are inside the summary.
ALTER TABLE cpc.conferences ADD COLUMN IF NOT EXISTS audit_facts bytea;
GRANT UPDATE (conference_month, audit_facts) ON cpc.conferences TO {{prefix}}chair, {{prefix}}minute_taker;

-- The month and the facts move only with a new revision (001's rule for every other column), and
-- not at all once the conference is signed.
CREATE OR REPLACE FUNCTION cpc.check_conference_update() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.id <> OLD.id OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
      RAISE EXCEPTION 'cpc: a conference keeps its id and creation' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.signed THEN
      RAISE EXCEPTION 'cpc: conference % is signed and cannot be changed', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.signed THEN
      IF NEW.revision <> OLD.revision OR NEW.summary <> OLD.summary OR NEW.conference_month IS DISTINCT FROM OLD.conference_month
         OR NEW.audit_facts IS DISTINCT FROM OLD.audit_facts THEN
        RAISE EXCEPTION 'cpc: signing changes nothing else' USING ERRCODE = 'insufficient_privilege';
      END IF;
    ELSIF NEW.revision <> OLD.revision + 1 THEN
      RAISE EXCEPTION 'cpc: conference % is at revision %, not %', OLD.id, OLD.revision, NEW.revision - 1 USING ERRCODE = 'serialization_failure';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
  END $$;

-- 002's one-statement save, now also writing the month and the facts. The old form is dropped rather than
-- kept: an older app saving through it would leave a moved conference in its old month.
DROP FUNCTION IF EXISTS cpc.commit_version(uuid, int, bytea, int, int, int, bytea, bytea, int, bytea);
CREATE FUNCTION cpc.commit_version(
  p_id uuid, p_base int, p_summary bytea, p_summary_key int,
  p_key_id int, p_new_key_team_version int, p_new_key_wrapped bytea,
  p_version bytea, p_seq int, p_history bytea, p_month date, p_audit_facts bytea
) RETURNS boolean
  LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, cpc AS $$
  BEGIN
    UPDATE cpc.conferences SET revision = p_base + 1, summary = p_summary, summary_key_id = p_summary_key, conference_month = p_month, audit_facts = p_audit_facts
     WHERE id = p_id AND revision = p_base;
    IF NOT FOUND THEN
      RETURN false;
    END IF;
    IF p_new_key_wrapped IS NOT NULL THEN
      INSERT INTO cpc.conference_keys (conference_id, key_id, team_key_version, wrapped) VALUES (p_id, p_key_id, p_new_key_team_version, p_new_key_wrapped);
    END IF;
    INSERT INTO cpc.conference_versions (conference_id, revision, key_id, sealed) VALUES (p_id, p_base + 1, p_key_id, p_version);
    INSERT INTO cpc.history (conference_id, seq, key_id, sealed) VALUES (p_id, p_seq, p_key_id, p_history);
    RETURN true;
  END $$;

REVOKE ALL ON FUNCTION cpc.commit_version(uuid, int, bytea, int, int, int, bytea, bytea, int, bytea, date, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cpc.commit_version(uuid, int, bytea, int, int, int, bytea, bytea, int, bytea, date, bytea) TO {{prefix}}chair, {{prefix}}minute_taker;

-- The cohort's judgements (pg-store.ts, auditJudgements) look for history rows written by managers
-- among thousands of conferences: by author, not by reading every conference's history.
CREATE INDEX IF NOT EXISTS history_by_author ON cpc.history (created_by, conference_id, seq);
