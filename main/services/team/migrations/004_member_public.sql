-- The public parts of each member's signing keys, so a teammate checking a signed file can tell
-- the team's own signatures from anyone else's: the Ed25519 public key versions are signed with
-- and the fingerprints and subjects of the X.509 certificates signed PDFs carry. The private
-- parts stay in the member's own sealed profile (member_profiles), which only they can open.
-- Each row is sealed under the team key (team_key_version) with associated data naming the
-- member, because a certificate's subject is the member's name, role and council: the server
-- sees only who published a row and when. Rows are only ever added (a replaced certificate must
-- stay known, so PDFs signed with it still verify); nobody may publish in another's name.
CREATE TABLE IF NOT EXISTS cpc.member_public (
  id bigserial PRIMARY KEY,
  member name NOT NULL DEFAULT session_user REFERENCES cpc.members,
  team_key_version int NOT NULL,
  sealed bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT ON cpc.member_public TO {{prefix}}chair, {{prefix}}minute_taker, {{prefix}}manager, {{prefix}}team_admin;
GRANT USAGE ON SEQUENCE cpc.member_public_id_seq TO {{prefix}}chair, {{prefix}}minute_taker, {{prefix}}manager, {{prefix}}team_admin;

ALTER TABLE cpc.member_public ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS visible ON cpc.member_public;
CREATE POLICY visible ON cpc.member_public FOR SELECT USING (true);
DROP POLICY IF EXISTS own ON cpc.member_public;
CREATE POLICY own ON cpc.member_public FOR INSERT WITH CHECK (member = session_user);
