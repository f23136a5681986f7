import { beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceRecord, GroupItem } from '../../../domain/record/conference';
import { MARKS_FIELD, RESTRICTED_SECTION, withMark } from '../../../domain/restricted/marks';
import { listItems, textOf } from '../../../domain/record/access';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import { familyCopy, fullMinutes } from '../../../templates/layouts';
import { requireTool } from './extract';
import { plainText, renderBoth, type Rendered } from './render';

/**
 * The layouts' default: an answer the chair marked restricted in the record (no predicate
 * passed by the caller) is in the full minutes, under its Restricted label, and absent from
 * the family copy, in Word and in PDF, read back with tools that share no code with the renderers.
 */

let minutes: Rendered;
let family: Rendered;
let policeText = '';

function markedWhitfield(): ConferenceRecord {
  const record = whitfieldRecord();
  const police = listItems(record, 'agencies').find((agency) => agency.values['agency'] === 'police')!;
  // Only the chair's mark restricts anything here: the template's own restricted detail is switched off.
  police.values['restricted'] = false;
  policeText = textOf(police.values['informationShared']);
  const marks: GroupItem[] = withMark([], { section: 'agencies', field: 'informationShared', itemId: police.id }, true, () => '00000000-0000-4000-8000-0000000000aa');
  record.sections[RESTRICTED_SECTION] = { kind: 'single', values: { [MARKS_FIELD]: marks } };
  return record;
}

beforeAll(async () => {
  requireTool('pdftotext');
  const record = markedWhitfield();
  [minutes, family] = await Promise.all([renderBoth(fullMinutes(record)), renderBoth(familyCopy(record))]);
}, 180_000);

describe('an answer marked restricted in the record', () => {
  it('is in the full minutes under the Restricted label, in both formats', () => {
    const labelled = plainText(`Restricted — not included in the family copy Information shared ${policeText}`);
    expect(minutes.docxText).toContain(labelled);
    expect(minutes.pdfText).toContain(labelled);
  });

  it('is absent from the family copy, in both formats, which says information was withheld', () => {
    for (const text of [policeText, 'Jason was arrested once']) {
      expect(family.docxText.includes(plainText(text)), 'DOCX family copy still holds the police paragraph').toBe(false);
      expect(family.pdfText.includes(plainText(text)), 'PDF family copy still holds the police paragraph').toBe(false);
    }
    expect(family.docxText).toContain('Some information has been withheld from this copy');
    expect(family.pdfText).toContain('Some information has been withheld from this copy');
  });
});
