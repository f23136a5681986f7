import { describe, expect, it } from 'vitest';
import { sectionProgressText } from '../../../renderer/src/guided/SectionNav';

/** The line under each section in the section list, as a chair reads it. */
describe('a section’s progress line', () => {
  it('never says “Nothing required” of a section that blocks signing (no agency added yet)', () => {
    expect(sectionProgressText({ requiredTotal: 0, requiredFilled: 0 }, 1)).toBe('1 item blocks signing');
    expect(sectionProgressText(undefined, 2)).toBe('2 items block signing');
  });

  it('says “Nothing required” only when nothing is required and nothing blocks', () => {
    expect(sectionProgressText({ requiredTotal: 0, requiredFilled: 0 }, 0)).toBe('Nothing required');
  });

  it('counts the answers, then what blocks', () => {
    expect(sectionProgressText({ requiredTotal: 6, requiredFilled: 4 }, 0)).toBe('4 of 6 answered');
    expect(sectionProgressText({ requiredTotal: 6, requiredFilled: 4 }, 3)).toBe('4 of 6 answered, 3 blocking');
  });
});
