import type { ConferenceRecord } from '../../../domain/record/conference';
import { brennanRecord } from './brennan';
import { oseiRecord } from './osei';
import { whitfieldRecord } from './whitfield';

/**
 * The three fictional worked scenarios as the project's own fixtures: the demo loads them
 * and the tests check them end to end. Every person and place in them is invented.
 *
 * Each call builds fresh records with fresh ids, so that loading the demo twice, or two
 * tests editing their own copy, can never collide.
 */
export { brennanRecord, oseiRecord, whitfieldRecord };

export function scenarioRecords(): ConferenceRecord[] {
  return [whitfieldRecord(), oseiRecord(), brennanRecord()];
}
