import { describe, expect, it } from 'vitest';
import { scenarioRecords } from '../../../main/demo/scenarios';
import { checkSectionsAgainstTemplate } from '../../../domain/template/template-names';
import { templateFor } from '../../../templates/conference-templates';

/** The check must refuse only what the template does not name: every demo scenario passes it. */
describe('sections against the template', () => {
  it('accepts every demo conference, which uses the guided form’s own shapes', () => {
    const records = scenarioRecords();
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(checkSectionsAgainstTemplate(templateFor(record.type), record.sections)).toBeNull();
    }
  });
});
