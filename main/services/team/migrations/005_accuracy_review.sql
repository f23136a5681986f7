-- The agencies' accuracy review of the draft minutes on the team store (main/services/team/pg-review.ts).
-- Each step of a review (a draft approved, a copy sent, a returned copy imported, a comment
-- accepted or declined) writes one row: the whole review block after the step, sealed on the
-- chair's computer with the conference's data key (associated data naming the conference and the
-- step's history number), and the due dates the conference list shows, sealed with the team key.
-- The row goes in with the step's history entry, in one transaction, and names that entry's
-- number: the newest row is the review, and the history says which row that must be.
--
-- Only chairs write reviews: approving a draft is a signature, like the final minutes', and the
-- rest is the chair's answer to the agencies. Refused once the conference is signed (the review
-- is closed). Rows are never changed or removed. Safe to run again.
CREATE TABLE IF NOT EXISTS cpc.conference_reviews (
  conference_id uuid NOT NULL REFERENCES cpc.conferences,
  seq int NOT NULL CHECK (seq >= 0),
  key_id int NOT NULL,
  sealed bytea NOT NULL,
  summary bytea NOT NULL,
  summary_key_id int NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by name NOT NULL DEFAULT session_user,
  PRIMARY KEY (conference_id, seq),
  FOREIGN KEY (conference_id, key_id) REFERENCES cpc.conference_keys
);

DROP TRIGGER IF EXISTS append_only ON cpc.conference_reviews;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON cpc.conference_reviews FOR EACH ROW EXECUTE FUNCTION cpc.refuse_change();
DROP TRIGGER IF EXISTS append_only_truncate ON cpc.conference_reviews;
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON cpc.conference_reviews FOR EACH STATEMENT EXECUTE FUNCTION cpc.refuse_change();

-- A review row follows its own history entry (already inserted in the same transaction), from a
-- chair, on a conference not yet signed.
CREATE OR REPLACE FUNCTION cpc.check_review_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cpc AS $$
  DECLARE last_seq int;
  BEGIN
    IF NOT cpc.has_role('chair') THEN
      RAISE EXCEPTION 'cpc: only a chair keeps the accuracy review' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (SELECT signed FROM cpc.conferences WHERE id = NEW.conference_id) THEN
      RAISE EXCEPTION 'cpc: conference % is signed: its accuracy review is closed', NEW.conference_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT max(seq) INTO last_seq FROM cpc.history WHERE conference_id = NEW.conference_id;
    IF last_seq IS NULL OR NEW.seq <> last_seq THEN
      RAISE EXCEPTION 'cpc: review row % does not follow its history entry', NEW.seq USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN NEW;
  END $$;
DROP TRIGGER IF EXISTS check_insert ON cpc.conference_reviews;
CREATE TRIGGER check_insert BEFORE INSERT ON cpc.conference_reviews FOR EACH ROW EXECUTE FUNCTION cpc.check_review_insert();
REVOKE ALL ON FUNCTION cpc.check_review_insert() FROM PUBLIC;

GRANT SELECT ON cpc.conference_reviews TO {{prefix}}chair, {{prefix}}minute_taker, {{prefix}}manager;
GRANT INSERT ON cpc.conference_reviews TO {{prefix}}chair;

ALTER TABLE cpc.conference_reviews ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS visible ON cpc.conference_reviews;
CREATE POLICY visible ON cpc.conference_reviews FOR SELECT USING (true);
DROP POLICY IF EXISTS own ON cpc.conference_reviews;
CREATE POLICY own ON cpc.conference_reviews FOR INSERT WITH CHECK (created_by = session_user);
