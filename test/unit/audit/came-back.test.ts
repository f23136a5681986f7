import { describe, expect, it } from 'vitest';
import { CameBackIndex, MATCHES_KEPT, type Appearance } from '../../../domain/audit/came-back';
import { addMonths } from '../../../domain/calendar/dates';

// Fictional children. Daniel's cohort conference is on 03/02/2026; 12 months later is 03/02/2027.
const subject: Appearance = {
  conferenceId: '00000000-0000-4000-8000-000000000001',
  childId: '00000000-0000-4000-8000-0000000000c1',
  type: 'initial',
  date: '2026-02-03',
  name: 'Daniel Osei',
  caseNumber: 'NS-300121',
  dateOfBirth: '2010-06-19',
  outcome: 'contextual-plan',
  planStatus: '',
};

let next = 2;
function later(changes: Partial<Appearance>): Appearance {
  const n = next++;
  return {
    ...subject,
    conferenceId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    childId: `00000000-0000-4000-8000-${String(n + 500).padStart(12, '0')}`,
    date: '2026-09-01',
    outcome: 'cp-plan',
    ...changes,
  };
}

const check = (s: Appearance, others: Appearance[]) => new CameBackIndex([s, ...others]).cameBack(s);

describe('came back within 12 months', () => {
  it('matches by case number at a new initial conference, however the number is spaced or cased', () => {
    const result = check(subject, [later({ caseNumber: 'ns 300121', outcome: 'cin-plan', date: '2026-10-14' })]);
    expect(result.status).toBe('came-back');
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ by: 'case-number', reason: 'initial-conference', date: '2026-10-14' });
    expect(result.explanation).toBe('Came back within 12 months: at a new initial conference on 14/10/2026, matched by case number.');
  });

  it('counts a child on a plan at a later review', () => {
    const result = check(subject, [later({ type: 'review', outcome: 'continue-plan', planStatus: 'on-plan' })]);
    expect(result.status).toBe('came-back');
    expect(result.matches[0]?.reason).toBe('plan');
  });

  it('does not count a later review where the child is new and again given no plan', () => {
    expect(check(subject, [later({ type: 'review', outcome: 'cin-plan', planStatus: 'new' })]).status).toBe('not-back');
  });

  it('says plainly that nothing was checked when the conference’s own date is not a calendar date', () => {
    const result = check({ ...subject, date: '2026-02-30' }, [later({})]);
    expect(result.status).toBe('not-back');
    expect(result.explanation).toBe('Not checked: this conference’s date is not a calendar date, so the 12 months after it cannot be counted.');
  });

  it('counts exactly 12 months later, but not 12 months and a day', () => {
    expect(check(subject, [later({ date: '2027-02-03' })]).status).toBe('came-back');
    const dayLate = check(subject, [later({ date: '2027-02-04' })]);
    expect(dayLate.status).toBe('not-back');
    expect(dayLate.explanation).toBe('Not found at a new initial conference or on a plan within 12 months (to 03/02/2027).');
  });

  it('does not count the same conference, or an earlier one', () => {
    expect(check(subject, [{ ...later({}), conferenceId: subject.conferenceId }]).status).toBe('not-back');
    expect(check(subject, [later({ date: '2025-11-01' })]).status).toBe('not-back');
  });

  it('treats two different case numbers as two children, even with the same name and date of birth', () => {
    expect(check(subject, [later({ caseNumber: 'NS-999999' })]).status).toBe('not-back');
  });

  it('offers a possible match by name and date of birth when this record has no case number', () => {
    const noNumber = { ...subject, caseNumber: '' };
    const result = check(noNumber, [later({ name: '  daniel   OSEI ' })]);
    expect(result.status).toBe('possible-match');
    expect(result.matches[0]?.by).toBe('name-and-date-of-birth');
    expect(result.explanation).toBe(
      'Possible match for you to confirm: a child of the same name and date of birth was at a new initial conference on 01/09/2026; this record has no case number.',
    );
  });

  it('offers a possible match when the later record has no case number', () => {
    expect(check(subject, [later({ caseNumber: '' })]).status).toBe('possible-match');
  });

  it('does not match the same name with a different date of birth', () => {
    expect(check({ ...subject, caseNumber: '' }, [later({ caseNumber: '', dateOfBirth: '2010-06-20' })]).status).toBe('not-back');
  });

  it('does not match by name alone when neither has a date of birth, and says what is missing', () => {
    const bare = { ...subject, caseNumber: '', dateOfBirth: '' };
    const result = check(bare, [later({ caseNumber: '', dateOfBirth: '' })]);
    expect(result.status).toBe('not-back');
    expect(result.explanation).toContain('neither a case number nor a date of birth');
  });

  it('prefers the case-number match when both kinds are found', () => {
    const result = check(subject, [later({ caseNumber: '', date: '2026-05-01' }), later({ date: '2026-08-01' })]);
    expect(result.status).toBe('came-back');
    expect(result.matches.map((m) => m.by)).toEqual(['name-and-date-of-birth', 'case-number']);
  });
});

describe('came back among many children of one name', () => {
  it('keeps the earliest returns of each kind that a look at every appearance finds, at every edge of the twelve months', () => {
    // One common name across ten years, some with case numbers, in no particular order: the
    // index searches each list by date, and must agree with a plain scan of them all.
    const everyone: Appearance[] = [];
    let seed = 11;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647);
    for (let i = 0; i < 400; i += 1) {
      const year = 2016 + Math.floor(random() * 10);
      const day = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      everyone.push(
        later({
          date: i % 50 === 0 ? subject.date : day,
          caseNumber: random() < 0.5 ? '' : `NS-${Math.floor(random() * 5)}`,
          dateOfBirth: random() < 0.5 ? subject.dateOfBirth : '2011-01-01',
          type: random() < 0.5 ? 'initial' : 'review',
          outcome: random() < 0.5 ? 'cin-plan' : 'cp-plan',
        }),
      );
    }
    // The exact edges: the day itself, 12 months on, and a day more.
    everyone.push(later({ date: '2027-02-03', caseNumber: '' }), later({ date: '2027-02-04', caseNumber: '' }));
    const index = new CameBackIndex(everyone);
    let possibleOnly = 0;
    let many = 0;
    for (const who of everyone.slice(0, 80)) {
      const within = everyone
        .filter((other) => other.conferenceId !== who.conferenceId && other.date > who.date && other.date <= addMonths(who.date, 12))
        .filter((other) => other.type === 'initial' || other.outcome === 'cp-plan')
        .sort((a, b) => a.date.localeCompare(b.date));
      const a = who.caseNumber.replace('-', '');
      const byCase = within.filter((other) => a !== '' && other.caseNumber.replace('-', '') === a);
      const byName = within.filter((other) => (a === '' || other.caseNumber === '') && other.dateOfBirth === who.dateOfBirth);
      const expected = [...byCase.slice(0, MATCHES_KEPT).map((o) => `case-number ${o.date}`), ...byName.slice(0, MATCHES_KEPT).map((o) => `name-and-date-of-birth ${o.date}`)].sort();
      const found = index.cameBack(who);
      expect(found.matches.map((m) => `${m.by} ${m.date}`).sort()).toEqual(expected);
      expect(found.status).toBe(byCase.length > 0 ? 'came-back' : byName.length > 0 ? 'possible-match' : 'not-back');
      if (byCase.length === 0 && byName.length > 0) possibleOnly += 1;
      if (byName.length > MATCHES_KEPT) many += 1;
    }
    // The data exercises every path: possible matches alone, and more namesakes than are kept.
    expect(possibleOnly).toBeGreaterThan(0);
    expect(many).toBeGreaterThan(0);
  });
});
