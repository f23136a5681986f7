-- A removed member's caches go with them. Their audit digests (009: summaries and audit facts of
-- whole months, sealed with a key only their passphrase opens) and any edit lease they held (006)
-- are of no use to anyone once they cannot sign in, and personal data is kept no longer than it
-- is needed. What they wrote in the records (versions, history, judgements, review steps) stays,
-- as before: that is the record, not a cache.
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
    DELETE FROM cpc.edit_leases WHERE member = p_login;
  END $$;
