import type pg from 'pg';

/**
 * One conference's rows as a backup holds them, and putting them back as a restore would: with
 * the triggers off (session_replication_role = replica), as only the database's owner can. For
 * the tests of a server that goes back (seen-heads.ts).
 */

const TABLES = [
  ['conferences', 'id'],
  ['conference_keys', 'conference_id'],
  ['conference_versions', 'conference_id'],
  ['history', 'conference_id'],
  ['signatures', 'conference_id'],
] as const;

export type Backup = Record<string, unknown[]>;

export async function backUp(owner: pg.Client, id: string): Promise<Backup> {
  const backup: Backup = {};
  for (const [table, column] of TABLES) {
    const { rows } = await owner.query<{ rows: unknown[] | null }>(`SELECT json_agg(t) AS rows FROM cpc.${table} t WHERE ${column} = $1`, [id]);
    backup[table] = rows[0]?.rows ?? [];
  }
  return backup;
}

/** Puts a conference's rows back as the backup holds them; with none, the conference is gone, as if made after the backup. */
export async function restore(owner: pg.Client, id: string, backup: Backup | null): Promise<void> {
  await owner.query('BEGIN');
  try {
    await owner.query('SET LOCAL session_replication_role = replica');
    for (const [table, column] of [...TABLES].reverse()) await owner.query(`DELETE FROM cpc.${table} WHERE ${column} = $1`, [id]);
    for (const [table] of TABLES) {
      const rows = backup?.[table] ?? [];
      if (rows.length > 0) await owner.query(`INSERT INTO cpc.${table} SELECT * FROM json_populate_recordset(NULL::cpc.${table}, $1)`, [JSON.stringify(rows)]);
    }
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}
