import type { z } from 'zod';
import type { Indicators } from '../api/indicators';
import { APPEAL_RESULTS } from '../decisions/labels.da';
import { suppressCounts, UNDER_SMALL_NUMBER } from './statistics';
import type { CsvValue } from './evaluation-export';

type IndicatorData = z.infer<typeof Indicators>;
export type TableRow = [indicator: string, period: string, measure: string, value: CsvValue];

/** The header of the indicators as a file: one figure per line (long format), names without æøå. */
export const TABLE_COLUMNS = ['indikator', 'periode', 'maal', 'vaerdi'] as const;

/**
 * The indicators as lines for a file that may leave the municipality: every
 * count of 1–4 is "under 5", and where parts add up to a published total a
 * second part is hidden too (`suppressCounts`). Counts are given per month
 * (quarter, year), never summed over the period as well: a period total next
 * to the months would let a hidden month be worked out by subtraction. For
 * the whole period only statistics are given. Statistics are already null
 * below the small number and are left empty. Shares are fractions (0.25).
 */
export function indicatorTable(d: IndicatorData): TableRow[] {
  const rows: TableRow[] = [];
  const add = (indicator: string, period: string, measures: [string, CsvValue][]) => measures.forEach(([m, v]) => rows.push([indicator, period, m, v]));
  /** a total and the parts that add up to it */
  const partition = (indicator: string, period: string, total: [string, number], parts: [string, number][]) => {
    const [shownTotal] = suppressCounts([total[1]], false);
    const shownParts = suppressCounts(parts.map(([, n]) => n), shownTotal === total[1]);
    add(indicator, period, [[total[0], shownTotal!], ...parts.map(([m], i): [string, CsvValue] => [m, shownParts[i]!])]);
  };
  const single = (n: number) => suppressCounts([n], false)[0]!;

  for (const group of ['mandatory', 'optional'] as const) {
    const g = d.phaseIn[group];
    const name = group === 'mandatory' ? 'indfasning_skal' : 'indfasning_kan';
    add(name, d.phaseIn.screenedOn ?? d.today, [
      ['kandidater', single(g.candidates)],
      ['vurderet', single(g.assessed)],
      ['tilbudt', single(g.offered)],
      ['med_sag', single(g.withCase)],
      ['med_samtykke', single(g.consented)],
    ]);
  }

  const whole = `${d.period.from}..${d.period.to}`;
  for (const m of d.consent.months) {
    partition('samtykke', m.month, ['tilbudt', m.offered], [
      ['gav_samtykke', m.given],
      ['trak_tilbage', m.withdrawn],
      ['sagde_nej', m.declined],
      ['venter', m.awaiting],
    ]);
    add('samtykke', m.month, [['andel_samtykke', m.consentShare]]);
  }
  add('samtykke', whole, [['andel_samtykke', d.consent.total.consentShare]]);

  add('kontaktpersoner', d.contacts.measuredOn, [
    ['sager', single(d.contacts.cases)],
    ['foer_gennemsnit', d.contacts.before?.mean ?? null],
    ['foer_median', d.contacts.before?.median ?? null],
    ['nu_gennemsnit', d.contacts.now?.mean ?? null],
    ['nu_median', d.contacts.now?.median ?? null],
  ]);

  for (const [name, milestone] of [
    ['dage_samtykke_til_plan', d.timeToPlan],
    ['dage_samtykke_til_afgoerelse', d.timeToDecision],
  ] as const) {
    const spread = (period: string, days: (typeof milestone.total)['days']) =>
      add(name, period, [
        ['kvartil_1', days?.q1 ?? null],
        ['median', days?.median ?? null],
        ['kvartil_3', days?.q3 ?? null],
      ]);
    for (const m of milestone.months) {
      partition(name, m.month, ['samtykker', m.consents], [
        ['naaet', m.reached],
        ['venter', m.waiting],
      ]);
      spread(m.month, m.days);
    }
    spread(whole, milestone.total.days);
  }

  for (const m of d.notStarted.months) {
    partition('indsatser_start', m.month, ['skulle_starte', m.due], [
      ['til_tiden', m.onTime],
      ['for_sent', m.late],
      ['ikke_startet', m.notStarted],
    ]);
  }
  partition('indsatser_ikke_startet_nu', d.today, ['i_alt', d.notStarted.now.count], d.notStarted.now.bySector.map((s): [string, number] => [s.sector, s.count]));

  for (const m of d.complaints.months) {
    partition('klager', m.month, ['modtaget', m.received], [
      ['afvist_for_sent', m.refusedLate],
      ['venter_genvurdering', m.awaitingReassessment],
      ['aendret_af_kommunen', m.changedByMunicipality],
      ['sendt_til_ankestyrelsen', m.upheldAndForwarded],
    ]);
    partition('klager_ankestyrelsen', m.month, ['sendt_til_ankestyrelsen', m.upheldAndForwarded], [
      ['venter', m.appeal.awaiting],
      ...APPEAL_RESULTS.map((r): [string, number] => [r, m.appeal[r]]),
    ]);
  }

  for (const y of d.employment.years) {
    partition('beskaeftigelse', String(y.year), ['borgere', y.citizens], [
      ['i_job_eller_selvforsoergende', y.selfSupporting],
      ['paa_forsoergelse', y.citizens - y.selfSupporting],
    ]);
    add('beskaeftigelse', String(y.year), [
      ['maalt_dato', y.measuredOn],
      ['andel', y.share],
      ['aendring_procentpoint', y.changePoints],
    ]);
  }

  for (const q of d.survey.periods) {
    add('sammenhaengende_forloeb', q.period, [
      ['svar', single(q.answers)],
      ['ved_ikke', single(q.answers - q.counted)],
    ]);
    if (q.positive === null) {
      // the yes/no split of fewer than five answers is not known here, only that each part is small
      const small = q.counted === 0 ? 0 : UNDER_SMALL_NUMBER;
      add('sammenhaengende_forloeb', q.period, [['ja', small], ['nej', small]]);
    } else {
      partition('sammenhaengende_forloeb', q.period, ['svar_ja_eller_nej', q.counted], [
        ['ja', q.positive],
        ['nej', q.counted - q.positive],
      ]);
    }
    add('sammenhaengende_forloeb', q.period, [['andel_ja', q.share]]);
  }
  return rows;
}

