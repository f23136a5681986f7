-- A manager's audit judgement is a commit like an addendum: the judgement's row and a
-- 'judgement' entry in the conference's history go in together, and the record is untouched.
-- Managers have no INSERT right on cpc.history (001), and are not given one: a general right
-- would let a manager append any entry to any conference. This function is the one door, and it
-- only adds a judgement with its history entry, in one statement (so both or neither).
-- SECURITY DEFINER so it can write the history row; session_user (not current_user) is still the
-- calling member, so the rows name who recorded them, and the role check is on them.
-- Both rows are sealed on the manager's computer with the conference's data key: the server
-- sees ids, key number, sequence, time and login, never the rating, comment or action.
CREATE FUNCTION cpc.record_judgement(
  p_id uuid, p_conference uuid, p_key_id int, p_judgement bytea, p_seq int, p_history bytea
) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  BEGIN
    IF NOT cpc.has_role('manager') THEN
      RAISE EXCEPTION 'cpc: only a manager records an audit judgement' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- The history's own trigger puts the entry at the end and nowhere else; two managers at
    -- once both aim at the same seq, and the second is refused by its primary key.
    INSERT INTO cpc.audit_judgements (id, conference_id, key_id, sealed, created_by) VALUES (p_id, p_conference, p_key_id, p_judgement, session_user);
    INSERT INTO cpc.history (conference_id, seq, key_id, sealed, created_by) VALUES (p_conference, p_seq, p_key_id, p_history, session_user);
  END $$;

REVOKE ALL ON FUNCTION cpc.record_judgement(uuid, uuid, int, bytea, int, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cpc.record_judgement(uuid, uuid, int, bytea, int, bytea) TO {{prefix}}manager;

-- Judgements are made on signed minutes too (most of the cohort is signed), and signed
-- conferences took history entries from chairs only. A manager now may as well: managers have
-- no INSERT right on cpc.history, so the only entry a manager can add is record_judgement's.
CREATE OR REPLACE FUNCTION cpc.check_history_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  DECLARE next_seq int;
  BEGIN
    SELECT coalesce(max(seq) + 1, 0) INTO next_seq FROM cpc.history WHERE conference_id = NEW.conference_id;
    IF NEW.seq <> next_seq THEN
      RAISE EXCEPTION 'cpc: history entry % out of turn', NEW.seq USING ERRCODE = 'serialization_failure';
    END IF;
    IF (SELECT signed FROM cpc.conferences WHERE id = NEW.conference_id) AND NOT (cpc.has_role('chair') OR cpc.has_role('manager')) THEN
      RAISE EXCEPTION 'cpc: conference % is signed: only a chair may add to it', NEW.conference_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$;
