-- A save in one round trip. The statements are the ones a client could send itself (the
-- function runs with the caller's own rights: SECURITY INVOKER, so every grant, row-level
-- policy and trigger of 001 still applies), but a single call is one statement, so it commits
-- whole or not at all without BEGIN/COMMIT, and a save costs one round trip instead of five.
-- Returns false when the conference is no longer at p_base (someone else saved first).
CREATE FUNCTION cpc.commit_version(
  p_id uuid, p_base int, p_summary bytea, p_summary_key int,
  p_key_id int, p_new_key_team_version int, p_new_key_wrapped bytea,
  p_version bytea, p_seq int, p_history bytea
) RETURNS boolean
  LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, cpc AS $$
  BEGIN
    UPDATE cpc.conferences SET revision = p_base + 1, summary = p_summary, summary_key_id = p_summary_key
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

REVOKE ALL ON FUNCTION cpc.commit_version(uuid, int, bytea, int, int, int, bytea, bytea, int, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cpc.commit_version(uuid, int, bytea, int, int, int, bytea, bytea, int, bytea) TO {{prefix}}chair, {{prefix}}minute_taker;
