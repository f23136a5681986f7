import type pg from 'pg';
import { z } from 'zod';
import type { EditLeaseAction, EditLeases } from '../../../domain/api/contract';
import { DecryptError, openJson, sealJson } from '../store/crypto';
import { latestTeamKey, type SignedInMember } from './membership';

/**
 * "Being edited by …" on the team store (migrations/006_edit_leases.sql). A member editing a
 * conference holds a lease the server times (90 s, renewed by the page every 15 s, released on
 * leaving); whoever opens it meanwhile is told who is in it and since when. Advice only: the
 * revision check on save is what keeps two people from overwriting each other.
 *
 * The holder's name is sealed under the team key, bound to the conference and the member, so the
 * server keeps a login and two times, never a name; a row that will not open (copied from another
 * conference or member, or sealed under a key this member was never given) is shown by login.
 */

const HolderSchema = z.strictObject({ name: z.string().min(1).max(200) });
const leaseRole = (conferenceId: string, member: string) => `team-edit-lease:${conferenceId}:${member}`;

export async function editLease(m: SignedInMember, conferenceId: string, action: EditLeaseAction, holderName: string): Promise<EditLeases> {
  if (action === 'hold') {
    const team = latestTeamKey(m);
    await m.client.query(
      `INSERT INTO cpc.edit_leases (conference_id, team_key_version, sealed) VALUES ($1, $2, $3)
       ON CONFLICT (conference_id, member) DO UPDATE SET team_key_version = excluded.team_key_version, sealed = excluded.sealed`,
      [conferenceId, team.version, sealJson(team.key, { name: holderName }, leaseRole(conferenceId, m.login))],
    );
  } else if (action === 'release') {
    await m.client.query('DELETE FROM cpc.edit_leases WHERE conference_id = $1 AND member = session_user', [conferenceId]);
    return { others: [] };
  }
  return { others: await othersIn(m.client, m.teamKeys, conferenceId) };
}

async function othersIn(client: pg.ClientBase, teamKeys: ReadonlyMap<number, Buffer>, conferenceId: string): Promise<EditLeases['others']> {
  const { rows } = await client.query<{ member: string; team_key_version: number; sealed: Buffer; taken_at: Date; expires_at: Date }>(
    `SELECT member, team_key_version, sealed, taken_at, expires_at FROM cpc.edit_leases
      WHERE conference_id = $1 AND member <> session_user AND expires_at > now() ORDER BY taken_at, member`,
    [conferenceId],
  );
  return rows.map((row) => ({ name: nameOf(teamKeys, conferenceId, row), since: row.taken_at.toISOString(), until: row.expires_at.toISOString() }));
}

function nameOf(teamKeys: ReadonlyMap<number, Buffer>, conferenceId: string, row: { member: string; team_key_version: number; sealed: Buffer }): string {
  const key = teamKeys.get(row.team_key_version);
  if (key !== undefined) {
    try {
      return HolderSchema.parse(openJson(key, row.sealed, leaseRole(conferenceId, row.member))).name;
    } catch (error) {
      if (!(error instanceof DecryptError) && !(error instanceof z.ZodError)) throw error;
    }
  }
  return row.member;
}
