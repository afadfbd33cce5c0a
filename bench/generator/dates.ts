/**
 * Dates as whole day numbers (days since 1970-01-01, UTC), turned into
 * 'YYYY-MM-DD' through a table built once — the generator formats millions of
 * dates, and Date objects would dominate its run time.
 */
const MS_PER_DAY = 86_400_000;
const TABLE_FIRST_YEAR = 1900;
const TABLE_LAST_YEAR = 2080;
const TABLE_OFFSET = Date.UTC(TABLE_FIRST_YEAR, 0, 1) / MS_PER_DAY;
let table: string[] | null = null;

function buildTable(): string[] {
  const last = Date.UTC(TABLE_LAST_YEAR, 11, 31) / MS_PER_DAY;
  const out: string[] = new Array(last - TABLE_OFFSET + 1);
  for (let day = TABLE_OFFSET; day <= last; day++) {
    out[day - TABLE_OFFSET] = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  }
  return out;
}

export function formatDay(day: number): string {
  table ??= buildTable();
  const text = table[day - TABLE_OFFSET];
  if (text === undefined) throw new RangeError(`day ${day} outside ${TABLE_FIRST_YEAR}–${TABLE_LAST_YEAR}`);
  return text;
}

export function parseDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

export function dayOf(year: number, month1: number, day: number): number {
  return Date.UTC(year, month1 - 1, day) / MS_PER_DAY;
}

/** The day `years` (may be fractional: ½ = 6 months) after `day`; 29 Feb rolls to 1 Mar. */
export function addYears(day: number, years: number): number {
  const date = new Date(day * MS_PER_DAY);
  const whole = Math.floor(years);
  const months = Math.round((years - whole) * 12);
  return Date.UTC(date.getUTCFullYear() + whole, date.getUTCMonth() + months, date.getUTCDate()) / MS_PER_DAY;
}

/** The first day of the month after `day`. */
export function firstOfNextMonth(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / MS_PER_DAY;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Whole years from `birth` to `on` (the age on that day). */
export function ageOn(birth: number, on: number): number {
  const b = new Date(birth * MS_PER_DAY);
  const o = new Date(on * MS_PER_DAY);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/**
 * Folkepensionsalder by birth date (SPEC §5, rule data "verify"): before
 * 1954-01-01: 65; 1954 first half: 65½; second half: 66; 1955–1962: 67;
 * 1963–1966: 68; 1967–1970: 69; from 1971: 70.
 */
export function pensionAgeYears(birth: number): number {
  const date = new Date(birth * MS_PER_DAY);
  const y = date.getUTCFullYear();
  if (y < 1954) return 65;
  if (y === 1954) return date.getUTCMonth() < 6 ? 65.5 : 66;
  if (y <= 1962) return 67;
  if (y <= 1966) return 68;
  if (y <= 1970) return 69;
  return 70;
}

/** The day the citizen reaches folkepensionsalder. */
export function pensionDay(birth: number): number {
  return addYears(birth, pensionAgeYears(birth));
}
