/** Months, quarters, shares and days as Danes read them. */
const monthLong = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('da-DK', { month: 'short', timeZone: 'UTC' });
const decimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

const asDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** '2026-09' → 'september 2026' */
export const monthName = (month: string) => monthLong.format(asDate(month));

/** An axis place for a month: 'sep.', with the year under January and the first month. */
export function monthCategory(month: string, index: number) {
  return { key: month, label: monthShort.format(asDate(month)).replace('.', ''), ...(index === 0 || month.endsWith('-01') ? { sub: month.slice(0, 4) } : {}) };
}

/** '2026-Q4' → '4. kvartal 2026' */
export const quarterName = (q: string) => `${q.slice(6)}. kvartal ${q.slice(0, 4)}`;
export function quarterCategory(q: string, index: number) {
  return { key: q, label: `${q.slice(6)}. kvt.`, ...(index === 0 || q.endsWith('Q1') ? { sub: q.slice(0, 4) } : {}) };
}

/** A fraction as Danish per cent with at most one decimal: 0.253 → "25,3 %". */
export const percent = (share: number) => `${decimal.format(share * 100)} %`;
export const num = (n: number) => decimal.format(n);
export const days = (n: number) => `${decimal.format(n)} ${n === 1 ? 'dag' : 'dage'}`;
