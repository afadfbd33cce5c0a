/**
 * The arithmetic behind the indicators, and the small-numbers rule.
 *
 * Small numbers (decisions.md): a median, quartile or share computed from
 * fewer than SMALL_NUMBER citizens is not shown anywhere — with two citizens
 * a median is as good as their own figures. Counts are shown exactly to the
 * municipality's leaders (no names, audited); in a file that leaves the
 * municipality a count of 1–4 is written "under 5" (`suppressCounts`).
 */
export const SMALL_NUMBER = 5;
export const UNDER_SMALL_NUMBER = `under ${SMALL_NUMBER}`;
/** A count of 5 or more hidden only so that a small one next to it cannot be worked out. */
export const HIDDEN_COUNT = 'skjult';

export interface Spread {
  /** how many values */
  n: number;
  q1: number;
  median: number;
  q3: number;
}

/**
 * Quartiles by linear interpolation between the closest ranks (Excel's
 * KVARTIL.MEDTAG / QUARTILE.INC, R's type 7): the p-quantile of the sorted
 * values x₀ … xₙ₋₁ is at position p·(n − 1). One decimal, as days are read.
 * Null without values.
 */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const pos = p * (sorted.length - 1);
    const low = Math.floor(pos);
    const high = Math.ceil(pos);
    return round1(sorted[low]! + (sorted[high]! - sorted[low]!) * (pos - low));
  };
  return { n: sorted.length, q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** The spread, or null when it rests on fewer than SMALL_NUMBER values. */
export function shownSpread(values: readonly number[]): Spread | null {
  return values.length < SMALL_NUMBER ? null : spreadOf(values);
}

/** part / whole as a fraction, or null when the whole is below SMALL_NUMBER. */
export function shownShare(part: number, whole: number): number | null {
  return whole < SMALL_NUMBER ? null : part / whole;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((s, v) => s + v, 0) / values.length);
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Counts for a file that leaves the municipality: 1–4 become "under 5"
 * (0 stays: it singles no one out). When the counts are parts of a total that
 * is also published, one hidden part could be worked out from the others, so
 * then the smallest other non-zero part is hidden too, as "skjult"
 * (secondary suppression).
 */
export function suppressCounts(parts: readonly number[], totalPublished = true): (number | string)[] {
  const hidden = parts.map((n) => n > 0 && n < SMALL_NUMBER);
  if (totalPublished && hidden.filter(Boolean).length === 1) {
    let smallest = -1;
    parts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (smallest === -1 || n < parts[smallest]!)) smallest = i;
    });
    if (smallest !== -1) hidden[smallest] = true;
  }
  return parts.map((n, i) => (!hidden[i] ? n : n < SMALL_NUMBER ? UNDER_SMALL_NUMBER : HIDDEN_COUNT));
}
