import type { StoreProblem } from './contract';

/**
 * The whole data folder (not one conference) went back to an earlier state: the one report a
 * chair may accept, once it has been checked, with `vault.acknowledgeRollback`. A conference put
 * back on its own stays reported, and refused for saving, until the newer copy is restored.
 */
export function isFolderRollback(problem: StoreProblem): boolean {
  return problem.kind === 'rolledBack' && problem.conferenceId === null;
}
