import type { MemberRole, SessionInfo } from '../../../domain/api/contract';

/**
 * lease9: what each role is offered on screen. The team's database refuses the rest anyway
 * (main/services/team/migrations/001); these keep the screens from offering what would be refused.
 * On this computer the one person is the chair.
 */

export const LOCAL_SESSION: SessionInfo = { store: { kind: 'local' }, role: 'chair' };

/** Chairs and minute-takers write conferences; managers read them (and judge them in the audit). */
export function canEdit(role: MemberRole | null): boolean {
  return role === 'chair' || role === 'minute_taker';
}

/** Only a chair signs minutes or adds a signed addendum. */
export function canSign(role: MemberRole | null): boolean {
  return role === 'chair';
}

export function roleLabel(role: MemberRole): string {
  switch (role) {
    case 'chair':
      return 'Chair';
    case 'minute_taker':
      return 'Minute-taker';
    case 'manager':
      return 'Manager';
    case 'team_admin':
      return 'Team admin';
  }
}

/** Where the records are, for the header: a team's server by host and database, or this computer. */
export function storeName(info: SessionInfo): string {
  return info.store.kind === 'team' ? `Team store: ${info.store.host}/${info.store.database}` : 'On this computer';
}

/** The footer's sentence. */
export function storeSentence(info: SessionInfo): string {
  return info.store.kind === 'team'
    ? `Conference records are kept encrypted on the team store ${info.store.host}/${info.store.database}; only the team can open them.`
    : 'Conference records are stored encrypted on this computer.';
}

/** Why a conference page is shown read-only to this role. */
export function readOnlyReason(role: MemberRole | null): string {
  return role === 'manager'
    ? 'You are signed in as a manager: conferences are shown read-only. Judgements on outcomes are recorded in the audit.'
    : 'Your role in the team does not include editing conferences: shown read-only.';
}
