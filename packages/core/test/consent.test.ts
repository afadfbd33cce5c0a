import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consentKey,
  consentStateAt,
  hasActiveConsent,
  normaliseCounterpart,
  validateConsentAction,
  withdrawalFollowUps,
  type ConsentAction,
  type ConsentRecord,
  type RunningIntervention,
} from '../src/consent';
import { getRuleSet } from '../src/rules/registry';
import type { RuleSet } from '../src/rules/types';
import { PUBLIC_HOLIDAYS_ONLY_CALENDAR } from '../src/working-days';

let nextId = 0;
function record(partial: Partial<ConsentRecord> & Pick<ConsentRecord, 'action' | 'effectiveAt'>): ConsentRecord {
  nextId += 1;
  return {
    id: `c${nextId}`,
    scope: 'holistic_effort',
    counterpart: null,
    form: partial.action === 'given' ? 'digital' : null,
    recordedAt: partial.effectiveAt,
    ...partial,
  };
}

const PSYCHIATRY = 'Region Hovedstaden, Psykiatrisk Center Amager';
const GP = 'Lægerne på Torvet';

describe('consentKey / normaliseCounterpart', () => {
  it.each([
    ['holistic_effort', null, 'holistic_effort'],
    ['health_information', 'Egen læge', 'health_information|egen læge'],
    ['health_information', '  EGEN   LÆGE ', 'health_information|egen læge'],
    ['disclosure', 'A\u030Arhus Kommune', 'disclosure|århus kommune'], // decomposed å
    ['disclosure', '   ', 'disclosure'],
  ] as const)('consentKey(%s, %j) = %s', (scope, counterpart, key) => {
    expect(consentKey(scope, counterpart)).toBe(key);
  });

  it('treats blank as no counterpart', () => {
    expect(normaliseCounterpart('')).toBeNull();
    expect(normaliseCounterpart(null)).toBeNull();
    expect(normaliseCounterpart(' Jobcenter ')).toBe('jobcenter');
  });

  it('different sources give different keys', () => {
    expect(consentKey('health_information', PSYCHIATRY)).not.toBe(consentKey('health_information', GP));
    expect(consentKey('health_information', GP)).not.toBe(consentKey('disclosure', GP));
  });
});

describe('consentStateAt', () => {
  const given = record({ action: 'given', effectiveAt: '2026-02-01T10:00:00Z' });
  const withdrawn = record({ action: 'withdrawn', effectiveAt: '2026-03-10T09:00:00Z' });
  const regiven = record({ action: 'given', effectiveAt: '2026-04-01T12:00:00Z', form: 'paper_scanned' });
  const records = [regiven, withdrawn, given]; // order in the list does not decide

  it.each([
    ['2026-01-31T23:59:59Z', undefined, undefined],
    ['2026-02-01T10:00:00Z', given.id, true],
    ['2026-03-10T08:59:59Z', given.id, true],
    ['2026-03-10T09:00:00Z', withdrawn.id, false],
    ['2026-03-31T23:59:59Z', withdrawn.id, false],
    ['2026-04-01T12:00:00Z', regiven.id, true],
  ])('at %s: latest %s, active %s', (at, latestId, active) => {
    const state = consentStateAt(records, at).get('holistic_effort');
    expect(state?.latest.id).toBe(latestId);
    expect(state?.active).toBe(active);
  });

  it('compares instants, not strings (time-zone offsets)', () => {
    const list = [record({ action: 'given', effectiveAt: '2026-03-01T10:00:00+01:00' })]; // 09:00Z
    expect(consentStateAt(list, '2026-03-01T09:30:00Z').get('holistic_effort')?.active).toBe(true);
    expect(consentStateAt(list, '2026-03-01T08:59:59.999Z').size).toBe(0);
  });

  it('on equal effectiveAt the later recordedAt wins, whatever the list order', () => {
    const a = record({ action: 'given', effectiveAt: '2026-03-01T09:00:00Z', recordedAt: '2026-03-01T09:00:00Z' });
    const correction = record({
      action: 'withdrawn',
      effectiveAt: '2026-03-01T09:00:00Z',
      recordedAt: '2026-03-02T08:00:00Z',
    });
    for (const list of [[a, correction], [correction, a]]) {
      const state = consentStateAt(list, '2026-03-05T00:00:00Z').get('holistic_effort');
      expect(state?.latest.id).toBe(correction.id);
      expect(state?.active).toBe(false);
    }
  });

  it('goes by effect, so a backdated withdrawal ends consent from its effective time', () => {
    const list = [
      record({ action: 'given', effectiveAt: '2026-02-01T10:00:00Z' }),
      record({ action: 'withdrawn', effectiveAt: '2026-03-01T00:00:00Z', recordedAt: '2026-03-09T14:00:00Z' }),
    ];
    expect(consentStateAt(list, '2026-03-05T00:00:00Z').get('holistic_effort')?.active).toBe(false);
  });

  it('keeps one state per scope and counterpart', () => {
    const list = [
      record({ action: 'given', effectiveAt: '2026-02-01T10:00:00Z' }),
      record({ action: 'given', scope: 'health_information', counterpart: PSYCHIATRY, effectiveAt: '2026-02-01T10:05:00Z' }),
      record({ action: 'given', scope: 'health_information', counterpart: GP, effectiveAt: '2026-02-01T10:06:00Z' }),
      record({ action: 'withdrawn', scope: 'health_information', counterpart: 'lægerne på torvet', effectiveAt: '2026-02-15T08:00:00Z' }),
    ];
    const states = consentStateAt(list, '2026-03-01T00:00:00Z');
    expect([...states.keys()].sort()).toEqual([
      'health_information|lægerne på torvet',
      'health_information|region hovedstaden, psykiatrisk center amager',
      'holistic_effort',
    ]);
    expect(states.get(consentKey('health_information', GP))?.active).toBe(false);
    expect(states.get(consentKey('health_information', PSYCHIATRY))?.active).toBe(true);
  });

  it('rejects an invalid instant', () => {
    expect(() => consentStateAt([], 'yesterday')).toThrow(/Ugyldigt tidspunkt/);
  });

  it('property: the state is that of the last action by effectiveAt, independent of list order', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: -10, max: 10_010 }),
        (minutes, gives, atMinute) => {
          const list = minutes.map((m, i) =>
            record({ action: gives[i] ? 'given' : 'withdrawn', effectiveAt: new Date(base + m * 60_000).toISOString() }),
          );
          const at = new Date(base + atMinute * 60_000).toISOString();
          const last = list
            .filter((r) => Date.parse(r.effectiveAt) <= Date.parse(at))
            .sort((x, y) => Date.parse(x.effectiveAt) - Date.parse(y.effectiveAt))
            .at(-1);
          for (const order of [list, [...list].reverse()]) {
            expect(hasActiveConsent(order, 'holistic_effort', null, at)).toBe(last?.action === 'given');
            expect(consentStateAt(order, at).get('holistic_effort')?.latest.id).toBe(last?.id);
          }
        },
      ),
    );
  });
});

describe('hasActiveConsent', () => {
  const list = [
    record({ action: 'given', effectiveAt: '2026-02-01T10:00:00Z' }),
    record({ action: 'given', scope: 'health_information', counterpart: PSYCHIATRY, effectiveAt: '2026-02-01T10:05:00Z' }),
    record({ action: 'given', scope: 'disclosure', counterpart: 'Udbetaling Danmark', effectiveAt: '2026-02-01T10:06:00Z' }),
  ];
  const at = '2026-02-10T12:00:00Z';

  it.each([
    ['holistic_effort', null, true],
    ['holistic_effort', 'anything', true], // counterpart ignored for scopes without one
    ['health_information', PSYCHIATRY, true],
    ['health_information', '  region hovedstaden, psykiatrisk center AMAGER ', true],
    ['health_information', GP, false], // consent for source A does not cover source B
    ['health_information', null, false], // a health read must name its source
    ['health_information', ' ', false],
    ['disclosure', 'Udbetaling Danmark', true],
    ['disclosure', PSYCHIATRY, false],
    ['family_plan', null, false],
  ] as const)('%s / %j → %s', (scope, counterpart, expected) => {
    expect(hasActiveConsent(list, scope, counterpart, at)).toBe(expected);
  });

  it('is false before the consent takes effect', () => {
    expect(hasActiveConsent(list, 'holistic_effort', null, '2026-02-01T09:59:59Z')).toBe(false);
  });

  it('withdrawing the holistic effort does not withdraw health consent (scopes are separate)', () => {
    const withWithdrawal = [...list, record({ action: 'withdrawn', effectiveAt: '2026-02-05T08:00:00Z' })];
    expect(hasActiveConsent(withWithdrawal, 'holistic_effort', null, at)).toBe(false);
    expect(hasActiveConsent(withWithdrawal, 'health_information', PSYCHIATRY, at)).toBe(true);
  });
});

describe('validateConsentAction', () => {
  const history = [
    record({ action: 'given', effectiveAt: '2026-02-01T10:00:00Z' }),
    record({ action: 'given', scope: 'health_information', counterpart: PSYCHIATRY, effectiveAt: '2026-02-01T10:05:00Z' }),
    record({ action: 'withdrawn', scope: 'health_information', counterpart: PSYCHIATRY, effectiveAt: '2026-03-01T10:00:00Z' }),
  ];
  const action = (partial: Partial<ConsentAction>): ConsentAction => ({
    scope: 'holistic_effort',
    counterpart: null,
    action: 'given',
    form: 'digital',
    effectiveAt: '2026-03-15T10:00:00Z',
    ...partial,
  });

  it.each<[string, Partial<ConsentAction>, string | null]>([
    ['giving twice while active', {}, 'Der er allerede givet samtykke til den helhedsorienterede indsats.'],
    [
      'withdrawing the active holistic consent',
      { action: 'withdrawn', form: null },
      null,
    ],
    [
      'withdrawing without an active consent',
      { action: 'withdrawn', form: null, scope: 'family_plan' },
      'Der er ikke et aktivt samtykke til en plan for familien at tilbagekalde.',
    ],
    [
      'withdrawing before the consent existed (backdated)',
      { action: 'withdrawn', form: null, effectiveAt: '2026-01-15T10:00:00Z' },
      'Der er ikke et aktivt samtykke til den helhedsorienterede indsats at tilbagekalde.',
    ],
    [
      're-giving health consent after withdrawal',
      { scope: 'health_information', counterpart: PSYCHIATRY, form: 'paper_scanned' },
      null,
    ],
    [
      'withdrawing health consent already withdrawn',
      { action: 'withdrawn', form: null, scope: 'health_information', counterpart: PSYCHIATRY },
      `Der er ikke et aktivt samtykke til indhentning af helbredsoplysninger fra ${PSYCHIATRY} at tilbagekalde.`,
    ],
    [
      'giving for a second health source',
      { scope: 'health_information', counterpart: GP },
      null,
    ],
    [
      'health consent without a source',
      { scope: 'health_information', counterpart: null },
      'Samtykke til helbredsoplysninger skal angive, hvem oplysningerne indhentes fra.',
    ],
    [
      'disclosure without a party',
      { scope: 'disclosure', counterpart: '  ' },
      'Samtykke til videregivelse skal angive, hvem oplysningerne videregives til.',
    ],
    [
      'holistic effort with a counterpart',
      { counterpart: 'Jobcentret' },
      'Samtykke til den helhedsorienterede indsats kan ikke knyttes til en bestemt modpart.',
    ],
    [
      'family plan with a counterpart',
      { scope: 'family_plan', counterpart: 'Ægtefællen' },
      'Samtykke til en plan for familien kan ikke knyttes til en bestemt modpart.',
    ],
    [
      'giving without a written form',
      { scope: 'family_plan', form: null },
      'Samtykket skal være skriftligt: angiv, om det er givet digitalt eller på scannet papir.',
    ],
    ['giving a family plan consent', { scope: 'family_plan', form: 'paper_scanned' }, null],
    ['an invalid time', { scope: 'family_plan', effectiveAt: '15-03-2026' }, 'Tidspunktet for samtykket er ugyldigt.'],
  ])('%s', (_label, partial, expected) => {
    expect(validateConsentAction(history, action(partial))).toBe(expected);
  });

  it('allows giving again after a withdrawal, and refuses a third give', () => {
    const withdrawal = record({ action: 'withdrawn', effectiveAt: '2026-03-20T10:00:00Z' });
    const afterWithdrawal = [...history, withdrawal];
    expect(validateConsentAction(afterWithdrawal, action({ effectiveAt: '2026-04-01T10:00:00Z' }))).toBeNull();
    const regiven = [...afterWithdrawal, record({ action: 'given', effectiveAt: '2026-04-01T10:00:00Z' })];
    expect(validateConsentAction(regiven, action({ effectiveAt: '2026-04-02T10:00:00Z' }))).toBe(
      'Der er allerede givet samtykke til den helhedsorienterede indsats.',
    );
  });
});

describe('withdrawalFollowUps', () => {
  const interventions: RunningIntervention[] = [
    { id: 'i1', title: 'socialpædagogisk støtte', sector: 'adult_social', legalBasis: 'serviceloven § 85' },
    { id: 'i2', title: 'mentorstøtte', sector: 'employment', legalBasis: 'lov om en aktiv beskæftigelsesindsats § 167' },
  ];
  const hovedlov = getRuleSet('hovedlov-2022');

  it('withdrawn mid-plan: one task per running intervention, due 14 days later', () => {
    expect(withdrawalFollowUps({ effectiveOn: '2026-03-10', scope: 'holistic_effort' }, interventions, hovedlov)).toEqual([
      {
        interventionId: 'i1',
        title: 'Træf afgørelse efter sektorloven om socialpædagogisk støtte',
        sector: 'adult_social',
        legalBasis: 'serviceloven § 85',
        dueOn: '2026-03-24',
      },
      {
        interventionId: 'i2',
        title: 'Træf afgørelse efter sektorloven om mentorstøtte',
        sector: 'employment',
        legalBasis: 'lov om en aktiv beskæftigelsesindsats § 167',
        dueOn: '2026-03-24',
      },
    ]);
  });

  it.each([
    ['2026-03-20', '2026-04-07', '14 days → Langfredag, moved past Easter'],
    ['2026-12-10', '2026-12-28', '14 days → juleaftensdag, moved past Christmas'],
    ['2026-03-07', '2026-03-23', '14 days → Saturday, moved to Monday'],
    ['2026-05-22', '2026-06-08', '14 days → Grundlovsdag (Friday), moved to Monday'],
  ])('withdrawn %s → due %s (%s)', (effectiveOn, dueOn) => {
    const [task] = withdrawalFollowUps({ effectiveOn, scope: 'holistic_effort' }, interventions, hovedlov);
    expect(task?.dueOn).toBe(dueOn);
  });

  it('uses the rule set’s number of days and the given calendar', () => {
    const faster: RuleSet = { ...hovedlov, deadlines: { ...hovedlov.deadlines, consentWithdrawalDecisionDays: 7 } };
    const [task] = withdrawalFollowUps({ effectiveOn: '2026-03-10', scope: 'holistic_effort' }, interventions, faster);
    expect(task?.dueOn).toBe('2026-03-17');
    const [onChristmasEve] = withdrawalFollowUps(
      { effectiveOn: '2026-12-10', scope: 'holistic_effort' },
      interventions,
      hovedlov,
      PUBLIC_HOLIDAYS_ONLY_CALENDAR,
    );
    expect(onChristmasEve?.dueOn).toBe('2026-12-24');
  });

  it.each(['health_information', 'family_plan', 'disclosure'] as const)(
    'withdrawing %s does not end the effort: no tasks',
    (scope) => {
      expect(withdrawalFollowUps({ effectiveOn: '2026-03-10', scope }, interventions, hovedlov)).toEqual([]);
    },
  );

  it('no running interventions: no tasks', () => {
    expect(withdrawalFollowUps({ effectiveOn: '2026-03-10', scope: 'holistic_effort' }, [], hovedlov)).toEqual([]);
  });
});
