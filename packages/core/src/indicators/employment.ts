import { compareDates, type LocalDate } from '../local-date';
import { FLEKSJOB_INTERVENTION_CODE, FLEKSLOENTILSKUD_BENEFIT_CODE, FOERTIDSPENSION_BENEFIT_CODE, MANDATORY_BENEFIT_CODES } from '../target-group/codes';
import { shownShare } from './statistics';

/**
 * Employment among target-group citizens, year on year (SPEC C11), defined
 * from what Helhed holds: the sector feeds' benefit and intervention records.
 * Helhed sees no payroll (eIndkomst), so "employment" here is the honest
 * proxy the records allow:
 *
 *   A citizen is "i job eller selvforsørgende" on a day when they are in
 *   fleksjob that day, or receive none of the public income benefits below.
 *
 * Measured on 31 December of each year (today for the current year), among
 * the citizens who had given consent to the holistic effort by that day —
 * also those whose case has since closed, since leaving for a job is the aim.
 * A citizen whose benefit stopped for another reason (moved, studies on SU,
 * supported by a spouse) counts as self-supporting too; the page says so.
 */
export const PUBLIC_INCOME_BENEFIT_CODES: readonly string[] = [...MANDATORY_BENEFIT_CODES, 'dagpenge', FOERTIDSPENSION_BENEFIT_CODE, 'folkepension'];
/** Fleksjob is employment (with a wage subsidy): the intervention or the subsidy record shows it. */
export const EMPLOYMENT_RECORD_CODES: readonly string[] = [FLEKSJOB_INTERVENTION_CODE, FLEKSLOENTILSKUD_BENEFIT_CODE];

export const EMPLOYMENT_DEFINITION =
  'Andelen af borgerne i den helhedsorienterede indsats, der den 31. december (i år: i dag) er i fleksjob eller ikke modtager nogen forsørgelsesydelse ' +
  '(kontanthjælp, uddannelseshjælp, sygedagpenge, overgangsydelse, revaliderings-, ressourceforløbs- eller ledighedsydelse, dagpenge, førtidspension eller folkepension) ' +
  'ifølge fagsystemernes registreringer. Borgere tæller med fra den dag, de gav samtykke, også når sagen siden er lukket. ' +
  'Helhed ser ikke lønindkomst, så en borger, hvis ydelse er stoppet af andre grunde (fx flytning eller SU), tæller også som selvforsørgende.';

export interface RecordSpan {
  code: string;
  start: LocalDate;
  end: LocalDate | null;
}

const runsOn = (r: RecordSpan, day: LocalDate) => compareDates(r.start, day) <= 0 && (r.end === null || compareDates(r.end, day) >= 0);

export function selfSupportingOn(records: readonly RecordSpan[], day: LocalDate): boolean {
  const running = records.filter((r) => runsOn(r, day));
  if (running.some((r) => EMPLOYMENT_RECORD_CODES.includes(r.code))) return true;
  return !running.some((r) => PUBLIC_INCOME_BENEFIT_CODES.includes(r.code));
}

export interface EmploymentYear {
  year: number;
  measuredOn: LocalDate;
  citizens: number;
  selfSupporting: number;
  /** null below the small number */
  share: number | null;
  /** percentage points since the year before; null without both shares */
  changePoints: number | null;
}

/**
 * One row per year of `years` up to today's (a year that has not begun is
 * left out), and the year before the first when anyone was in the effort
 * then, so even one year has a change to show.
 */
export function employmentByYear(citizens: readonly { consentOn: LocalDate; records: readonly RecordSpan[] }[], years: readonly number[], today: LocalDate): EmploymentYear[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const rows = [first - 1, ...[...years].sort((a, b) => a - b)]
    .filter((year) => compareDates(`${year}-01-01`, today) <= 0)
    .map((year) => {
      const measuredOn = compareDates(`${year}-12-31`, today) < 0 ? `${year}-12-31` : today;
      const cohort = citizens.filter((c) => compareDates(c.consentOn, measuredOn) <= 0);
      const selfSupporting = cohort.filter((c) => selfSupportingOn(c.records, measuredOn)).length;
      return { year, measuredOn, citizens: cohort.length, selfSupporting, share: shownShare(selfSupporting, cohort.length) };
    });
  return rows
    .map((r, i) => {
      const previous = i > 0 && rows[i - 1]!.year === r.year - 1 ? rows[i - 1]!.share : null;
      return { ...r, changePoints: r.share !== null && previous !== null ? Math.round((r.share - previous) * 1000) / 10 : null };
    })
    .filter((r) => r.year >= first || r.citizens > 0);
}
