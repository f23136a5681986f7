-- issue 11: the manager's first look at a year after signing in opened every conference summary
-- of that year and the twelve months after it, one by one (about 40,000 at 200,000 conferences:
-- seconds of decryption alone). A manager's app now keeps, per month, the summaries and audit
-- facts it has opened as one sealed digest, and the next look opens a few digests instead.
--
-- A digest is a cache of what the member's own app already read, never a source of truth: each
-- entry names its conference and revision, and is used only while the conference's row is still
-- at that revision; the rest are opened from their rows as before (audit-digests.ts). Sealed with
-- the member's personal key (from their passphrase, like their settings), bound to member and
-- month, so nobody else — another member, the database administrator — can read one or make one
-- that opens for them. The server sees a member, a month and a size.
CREATE TABLE IF NOT EXISTS cpc.audit_digests (
  member name NOT NULL DEFAULT session_user,
  month date NOT NULL CHECK (date_trunc('month', month) = month),
  sealed bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member, month)
);
ALTER TABLE cpc.audit_digests ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON cpc.audit_digests FOR ALL USING (member = session_user) WITH CHECK (member = session_user);
-- Managers only: the cohort is theirs. DELETE so a manager's app can drop digests it cannot open.
GRANT SELECT, INSERT, UPDATE, DELETE ON cpc.audit_digests TO {{prefix}}manager;
