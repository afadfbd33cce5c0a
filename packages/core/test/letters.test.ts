import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  afterFailedAttempt,
  DEFAULT_OUTBOX_POLICY,
  composeDecisionLetter,
  danishDate,
  danishDateWithWeekday,
  DecisionLetterSchema,
  deadlineMovedToWorkingDay,
  legalBasisText,
  sampleDecisionLetter,
  type DecisionLetter,
  type LetterBlock,
} from '../src';

describe('danish dates in letters', () => {
  it.each([
    ['2026-05-04', '4. maj 2026', 'mandag den 4. maj 2026'],
    ['2026-05-05', '5. maj 2026', 'tirsdag den 5. maj 2026'],
    ['2026-01-01', '1. januar 2026', 'torsdag den 1. januar 2026'],
    ['2026-03-15', '15. marts 2026', 'søndag den 15. marts 2026'],
    ['2024-02-29', '29. februar 2024', 'torsdag den 29. februar 2024'],
    ['2026-10-31', '31. oktober 2026', 'lørdag den 31. oktober 2026'],
    ['2027-12-24', '24. december 2027', 'fredag den 24. december 2027'],
    ['2026-06-05', '5. juni 2026', 'fredag den 5. juni 2026'],
    ['2026-07-01', '1. juli 2026', 'onsdag den 1. juli 2026'],
  ])('%s → %s / %s', (date, plain, withWeekday) => {
    expect(danishDate(date)).toBe(plain);
    expect(danishDateWithWeekday(date)).toBe(withWeekday);
  });

  it.each(['2026-02-30', '2026-13-01', '4. maj 2026', ''])('refuses %j', (bad) => {
    expect(() => danishDate(bad)).toThrow(RangeError);
  });
});

function blockTexts(blocks: LetterBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'list' ? b.items : [`${'label' in b && b.label ? `${b.label} ` : ''}${b.text}`]));
}

describe('DecisionLetterSchema', () => {
  it('accepts the sample, and its deadline is what the rules give (4 weeks, moved to a working day)', () => {
    const sample = sampleDecisionLetter();
    expect(DecisionLetterSchema.parse(sample)).toEqual(sample);
    expect(sample.complaintGuidance.deadline).toBe(deadlineMovedToWorkingDay(addWeeks(sample.decisionDate, 4)));
  });

  const cases: [string, (l: DecisionLetter) => DecisionLetter, string][] = [
    ['a non-appealable element without a reason', (l) => ({ ...l, elements: [{ ...l.elements[5]!, nonAppealableReason: undefined }] }), 'elements.0.nonAppealableReason'],
    ['a non-appealable element with a complaint route', (l) => ({ ...l, elements: [{ ...l.elements[5]!, complaintRoute: 'ankestyrelsen' }] }), 'elements.0.complaintRoute'],
    ['an appealable element with no route', (l) => ({ ...l, elements: [{ ...l.elements[0]!, complaintRoute: 'none' }] }), 'elements.0.complaintRoute'],
    ['a sector letter without its sector', (l) => ({ ...l, scope: 'sector' }), 'sector'],
    ['a sector letter with another sector’s element', (l) => ({ ...l, scope: 'sector', sector: 'employment' }), 'elements.0.sector'],
    ['a combined letter naming one sector', (l) => ({ ...l, sector: 'health' }), 'sector'],
    ['a health element without a health route', (l) => ({ ...l, complaintGuidance: { ...l.complaintGuidance, healthRoute: null } }), 'complaintGuidance.healthRoute'],
    ['a deadline before the decision', (l) => ({ ...l, complaintGuidance: { ...l.complaintGuidance, deadline: '2026-04-06' } }), 'complaintGuidance.deadline'],
    ['no elements', (l) => ({ ...l, elements: [] }), 'elements'],
    ['a CVR of 7 digits', (l) => ({ ...l, municipality: { ...l.municipality, cvr: '1234567' } }), 'municipality.cvr'],
    ['a malformed CPR', (l) => ({ ...l, recipient: { ...l.recipient, cpr: '12059-11002' } }), 'recipient.cpr'],
    ['an impossible decision date', (l) => ({ ...l, decisionDate: '2026-02-30' }), 'decisionDate'],
    ['an unknown channel', (l) => ({ ...l, channel: 'fax' as never }), 'channel'],
    ['an unknown field', (l) => ({ ...l, extra: 1 }) as DecisionLetter, ''],
  ];
  it.each(cases)('refuses %s', (_name, change, path) => {
    const result = DecisionLetterSchema.safeParse(change(sampleDecisionLetter()));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('a CPR without a hyphen is accepted (never a modulus-11 check)', () => {
    expect(DecisionLetterSchema.safeParse(sampleDecisionLetter({ recipient: { ...sampleDecisionLetter().recipient, cpr: '0101001234' } })).success).toBe(true);
  });
});

describe('composeDecisionLetter', () => {
  const letter = sampleDecisionLetter();
  const content = composeDecisionLetter(letter);
  const texts = blockTexts(content.blocks);
  const all = texts.join('\n');

  it('names every element with its reasoning and legal basis, in order, under its own heading', () => {
    const headings = content.blocks.filter((b) => b.kind === 'heading' && b.level === 3).map((b) => (b as { text: string }).text);
    expect(headings.slice(0, letter.elements.length)).toEqual(letter.elements.map((e, i) => `${i + 1}. ${e.title}`));
    for (const element of letter.elements) {
      expect(all).toContain(element.reasoning);
      expect(texts).toContain(`Lovgrundlag: ${legalBasisText(element)}`);
      expect(texts).toContain(`${element.title} (${element.legalBasis.law} ${element.legalBasis.section})`);
    }
  });

  it("quotes the citizen's goals in their own words", () => {
    for (const goal of letter.citizenGoals) expect(texts).toContain(`„${goal}“`);
  });

  it('has one complaint guidance with the deadline written out, and it comes after the elements', () => {
    expect(texts.filter((t) => t.startsWith('Klagefrist:'))).toEqual(['Klagefrist: Vi skal have din klage senest tirsdag den 5. maj 2026.']);
    const h2 = content.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
    expect(h2.filter((t) => t === 'Sådan klager du')).toHaveLength(1);
    expect(h2.indexOf('Sådan klager du')).toBeGreaterThan(h2.indexOf('Det har vi besluttet – punkt for punkt'));
    expect(all).toContain('genvurdering');
    expect(all).toContain('inden for 4 uger');
    expect(all).toContain('Ankestyrelsen');
    expect(all).toContain(letter.complaintGuidance.complainTo);
  });

  it('marks the non-appealable element with its reason, and the health element with the health route', () => {
    const notAppealable = content.blocks.filter((b) => b.kind === 'notice' && b.tone === 'not_appealable');
    expect(notAppealable).toEqual([{ kind: 'notice', tone: 'not_appealable', label: 'Kan ikke påklages.', text: letter.elements[5]!.nonAppealableReason }]);
    expect(all).toContain(`Du kan ikke klage over „${letter.elements[5]!.title}“`);
    expect(all).toContain(`Klager over „${letter.elements[4]!.title}“ behandles ikke af Ankestyrelsen`);
    expect(all).toContain(letter.complaintGuidance.healthRoute!);
  });

  it('leaves benefits to their own decision and ends with the coordinating contact', () => {
    expect(texts).toContain(letter.benefitsNote);
    const c = letter.coordinatingContact;
    expect(texts).toEqual(expect.arrayContaining([`${c.name}, ${c.title}`, `Telefon: ${c.phone}`, `E-mail: ${c.email}`]));
    expect(content.dateLine).toBe('Dato: 7. april 2026');
    expect(content.recipientLines).toEqual(['Lotte Frederiksen', 'Kastanjevej 14, 1. th.', '9999 Demoby']);
    expect(content.documentTitle).toBe('Afgørelse om din helhedsorienterede indsats – Helhed Demokommune, 7. april 2026');
    expect(content.closingLines.join(' ')).toContain(letter.letterId);
    // The CPR number is not printed on the letter (it travels in the MeMo envelope).
    expect(JSON.stringify(content)).not.toContain('120591');
  });

  it('a sector letter (plan-2018) speaks of that sector only and carries its own guidance', () => {
    const base = sampleDecisionLetter();
    const sector = sampleDecisionLetter({
      scope: 'sector',
      sector: 'employment',
      ruleSet: { id: 'plan-2018', label: 'Én helhedsorienteret plan (lov nr. 707 af 8. juni 2018)' },
      title: 'Afgørelse om mentor og jobrettet forløb',
      elements: base.elements.filter((e) => e.sector === 'employment'),
      benefitsNote: null,
      complaintGuidance: { ...base.complaintGuidance, healthRoute: null },
    });
    expect(DecisionLetterSchema.safeParse(sector).success).toBe(true);
    const c = composeDecisionLetter(sector);
    const t = blockTexts(c.blocks).join('\n');
    expect(t).toContain('inden for beskæftigelsesområdet');
    expect(t).not.toContain('samlet afgørelse');
    expect(t).not.toContain('Om din forsørgelse');
    expect(t).not.toContain('sundhedsområdets');
    expect(c.closingLines[0]).toBe('Afgørelsen er truffet efter reglerne for beskæftigelsesområdet (Én helhedsorienteret plan (lov nr. 707 af 8. juni 2018)).');
  });

  it('a letter whose only element cannot be appealed says so and gives no deadline', () => {
    const base = sampleDecisionLetter();
    const c = composeDecisionLetter(sampleDecisionLetter({ elements: [base.elements[5]!], complaintGuidance: { ...base.complaintGuidance, healthRoute: null } }));
    const t = blockTexts(c.blocks);
    expect(t).toContain('Du kan ikke klage over denne afgørelse. Grunden står ved hvert punkt ovenfor.');
    expect(t.some((x) => x.startsWith('Klagefrist:'))).toBe(false);
  });

  it('splits reasoning into paragraphs on blank lines', () => {
    const c = composeDecisionLetter(sampleDecisionLetter({ overallReasoning: 'Første afsnit\nfortsætter her.\n\n\nAndet afsnit.' }));
    const i = c.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Derfor har vi besluttet det');
    expect(c.blocks.slice(i + 1, i + 3)).toEqual([
      { kind: 'paragraph', text: 'Første afsnit fortsætter her.' },
      { kind: 'paragraph', text: 'Andet afsnit.' },
    ]);
  });
});

describe('outbox retry policy', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000, leaseMs: 60_000 };
  it.each([
    [1, { kind: 'retry', delayMs: 1_000 }],
    [2, { kind: 'retry', delayMs: 2_000 }],
    [3, { kind: 'retry', delayMs: 4_000 }],
    [4, { kind: 'retry', delayMs: 5_000 }], // capped
    [5, { kind: 'give_up' }],
    [9, { kind: 'give_up' }],
  ] as const)('after attempt %i: %j', (attempts, expected) => {
    expect(afterFailedAttempt(attempts, policy)).toEqual(expected);
  });
  it('a permanent error gives up at once', () => {
    expect(afterFailedAttempt(1, policy, true)).toEqual({ kind: 'give_up' });
  });
  it.each([0, -1, 1.5, Number.NaN])('refuses attempt number %d', (n) => {
    expect(() => afterFailedAttempt(n, policy)).toThrow(RangeError);
  });
  it('the default policy waits longer each time and gives up after its attempts', () => {
    const delays: number[] = [];
    for (let n = 1; ; n++) {
      const d = afterFailedAttempt(n, DEFAULT_OUTBOX_POLICY);
      if (d.kind === 'give_up') break;
      delays.push(d.delayMs);
    }
    expect(delays).toHaveLength(DEFAULT_OUTBOX_POLICY.maxAttempts - 1);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(DEFAULT_OUTBOX_POLICY.maxDelayMs);
  });
});
