import { childrenOf, listItems } from '../../../domain/record/access';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { whitfieldRecord } from '../../../main/demo/scenarios';

/**
 * The Whitfield record with the texts a chair might paste in: markup of every kind the two
 * file formats use, right-to-left scripts, Polish letters, emoji, and a 60,000-character
 * rationale. Each must come out of both files as the same text, never as structure.
 */

export const MARKUP = '<w:t>broken</w:t> ]]> <![CDATA[x]]> <script>alert(1)</script> **not bold** Tom & Jerry &amp; {{template}} \\u0000 (paren) \\';
export const POLISH = 'Zażółć gęślą jaźń: Łódź, Gdańsk, Świętokrzyskie';
export const HEBREW = 'שלום עולם';
export const ARABIC = 'مرحبا بالعالم';
export const EMOJI = 'I felt 😢 then 🙂 👍🏽';
export const LONG_END = 'END OF THE VERY LONG RATIONALE';

export function longRationale(): string {
  const sentence = `The conference weighed every view carefully & in full; ${MARKUP} ${POLISH}. `;
  let text = 'START OF THE VERY LONG RATIONALE. ';
  let paragraph = 0;
  while (text.length < 60_000 - LONG_END.length - 200) {
    text += sentence;
    if (text.length > (paragraph + 1) * 6_000) {
      paragraph += 1;
      text += '\n\n';
    }
  }
  // Exactly 60,000 characters, ending with the marker the tests look for.
  return `${text.padEnd(60_000 - LONG_END.length - 1, '.')} ${LONG_END}`;
}

export function hostileWhitfield(): ConferenceRecord {
  const record = whitfieldRecord();
  const maya = childrenOf(record)[0]!.id;
  const decision = record.sections['decision'];
  if (decision?.kind !== 'perChild') throw new Error('The Whitfield fixture has no decisions.');
  decision.perChild[maya] = { ...decision.perChild[maya], rationale: longRationale() };
  const voice = record.sections['voice'];
  if (voice?.kind !== 'perChild') throw new Error('The Whitfield fixture has no voice section.');
  voice.perChild[maya] = { ...voice.perChild[maya], ownWords: `${HEBREW} — ${ARABIC} — ${POLISH} — ${EMOJI}` };
  const police = listItems(record, 'agencies').find((a) => a.values['agency'] === 'police')!;
  police.values['informationShared'] = `${MARKUP}\n${POLISH}`;
  return record;
}
