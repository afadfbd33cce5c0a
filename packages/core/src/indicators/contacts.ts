import { addMonths, compareDates, type LocalDate } from '../local-date';
import { mean, SMALL_NUMBER, spreadOf } from './statistics';

/**
 * Contacts per citizen (SPEC C1, C11; KL's goal: as few authority persons as
 * possible): distinct authority persons per case before the holistic effort
 * and on a given day.
 */
export interface ContactFacts {
  employeeId: string | null;
  name: string;
  organisation: string | null;
  authority: boolean;
  since: LocalDate;
  endedOn: LocalDate | null;
}

/** One person, whether registered as an employee or by name and organisation. */
export function authorityPersonKey(c: Pick<ContactFacts, 'employeeId' | 'name' | 'organisation'>): string {
  return c.employeeId ?? `${c.name.toLowerCase()}|${(c.organisation ?? '').toLowerCase()}`;
}

/**
 * Before = authority persons the citizen had at some point in the 12 months
 * before the case opened; now = authority persons whose contact runs on
 * `onDate` (a contact that ended that day no longer counts).
 */
export function contactsBeforeAndNow(contacts: readonly ContactFacts[], openedOn: LocalDate, onDate: LocalDate): { before: number; now: number } {
  const yearBefore = addMonths(openedOn, -12);
  const authority = contacts.filter((c) => c.authority);
  const before = authority.filter((c) => compareDates(c.since, openedOn) < 0 && (c.endedOn === null || compareDates(c.endedOn, yearBefore) >= 0));
  const now = authority.filter((c) => compareDates(c.since, onDate) <= 0 && (c.endedOn === null || compareDates(c.endedOn, onDate) > 0));
  return { before: new Set(before.map(authorityPersonKey)).size, now: new Set(now.map(authorityPersonKey)).size };
}

export interface ContactFigure {
  mean: number;
  median: number;
}

export interface ContactsIndicator {
  cases: number;
  /** null below the small number of cases */
  before: ContactFigure | null;
  now: ContactFigure | null;
  /** cases with fewer authority persons now than before */
  fewerNow: number;
}

export function contactsIndicator(cases: readonly { before: number; now: number }[]): ContactsIndicator {
  const figure = (values: number[]): ContactFigure | null =>
    values.length < SMALL_NUMBER ? null : { mean: mean(values)!, median: spreadOf(values)!.median };
  return {
    cases: cases.length,
    before: figure(cases.map((c) => c.before)),
    now: figure(cases.map((c) => c.now)),
    fewerNow: cases.filter((c) => c.now < c.before).length,
  };
}
