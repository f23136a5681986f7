import { CURRENT_SCHEMA_VERSION, type ConferenceRecord, type ConferenceType } from '../../domain/record/conference';

/**
 * Deterministic fictional conferences for benchmarks: invented names and stock phrases, sized
 * like a part-completed record (a few kilobytes). Nothing here describes a real family.
 */

export function seededRandom(seed: number): () => number {
  // mulberry32: tiny, fast, and the same sequence on every machine.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORENAMES = ['Ruby', 'Tobias', 'Idris', 'Ottoline', 'Ellis', 'Nell', 'Casimir', 'Wren', 'Alder', 'Juno', 'Perrin', 'Tamsin'];
const SURNAMES = ['Ashdown', 'Penhallow', 'Quennell', 'Marchbank', 'Calloway', 'Fairbrother', 'Trevithick', 'Oakes', 'Merriweather'];
const CHAIRS = ['Harriet Quennell', 'Desmond Tarrant', 'Priya Lockhart', 'Owen Maddox'];
const AGENCIES = ['Children’s social care', 'Police', 'Health visiting', 'School', 'GP', 'IDVA service', 'Housing', 'Probation'];
const OUTCOMES = ['cp-plan', 'cin-plan', 'multi-agency-plan', 'early-help', 'no-further-action'];
const TYPES: ConferenceType[] = ['initial', 'review', 'pre-birth-initial', 'pre-birth-review', 'transfer-in'];
/** Fictional case-note sentences, shared by the benchmarks. */
export const PHRASES = [
  'The school reported that attendance has fallen this term.',
  'Mother engaged well with the family support worker over six weeks.',
  'Police attended two domestic incidents at the address since January.',
  'The health visitor observed warm interactions during the home visit.',
  'Concerns remain about supervision in the evenings.',
  'Grandmother provides regular respite and is a protective factor.',
  'The child said they feel safest at school and with their aunt.',
  'Father has not yet engaged with the perpetrator programme.',
  'Housing conditions have improved since the tenancy moved.',
  'Dental and medical appointments have been missed repeatedly.',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function prose(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => pick(random, PHRASES)).join(' ');
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function fictionalConference(random: () => number, at: string): ConferenceRecord {
  const surname = pick(random, SURNAMES);
  const children = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
    id: uuid(random),
    values: { name: `${pick(random, FORENAMES)} ${surname}` },
  }));
  const perChild = (make: () => Record<string, string>) => Object.fromEntries(children.map((child) => [child.id, make()]));
  const year = 2016 + Math.floor(random() * 10);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return {
    id: uuid(random),
    schemaVersion: CURRENT_SCHEMA_VERSION,
    type: pick(random, TYPES),
    revision: 1,
    createdAt: at,
    updatedAt: at,
    sections: {
      meeting: { kind: 'single', values: { date: `${year}-${month}-${day}`, chair: pick(random, CHAIRS) } },
      children: { kind: 'list', items: children },
      agencies: {
        kind: 'list',
        items: Array.from({ length: 3 + Math.floor(random() * 4) }, () => ({
          id: uuid(random),
          values: { agency: pick(random, AGENCIES), view: prose(random, 3), recommendation: pick(random, OUTCOMES) },
        })),
      },
      risk: {
        kind: 'single',
        values: {
          harm: prose(random, 3),
          dangerStatements: prose(random, 2),
          complicatingFactors: prose(random, 2),
          strengths: prose(random, 2),
          greyAreas: prose(random, 1),
        },
      },
      voice: { kind: 'perChild', perChild: perChild(() => ({ ownWords: prose(random, 2), method: 'Three Houses' })) },
      decision: { kind: 'perChild', perChild: perChild(() => ({ outcome: pick(random, OUTCOMES), rationale: prose(random, 3) })) },
    },
  };
}
