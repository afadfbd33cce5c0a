import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copenhagenClock } from '../src/copenhagen-clock';

/** Intl asked directly, every time: what the kept minutes must always agree with. */
const direct = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function asked(instant: Date) {
  const p = direct.formatToParts(instant);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(p.find((x) => x.type === type)?.value);
  return { y: n('year'), mo: n('month'), d: n('day'), h: n('hour'), mi: n('minute'), s: n('second') };
}

describe('copenhagenClock', () => {
  it.each([
    ['the last second before summer time', '2026-03-29T00:59:59.999Z', { y: 2026, mo: 3, d: 29, h: 1, mi: 59, s: 59 }],
    ['the first second of summer time', '2026-03-29T01:00:00Z', { y: 2026, mo: 3, d: 29, h: 3, mi: 0, s: 0 }],
    ['the second 02:30 of the autumn change (winter time)', '2026-10-25T01:30:00Z', { y: 2026, mo: 10, d: 25, h: 2, mi: 30, s: 0 }],
    ['New Year in Copenhagen, still 31 December in UTC', '2026-12-31T23:00:00Z', { y: 2027, mo: 1, d: 1, h: 0, mi: 0, s: 0 }],
  ])('%s', (_, iso, expected) => {
    expect(copenhagenClock(new Date(iso))).toEqual(expected);
    expect(copenhagenClock(new Date(iso))).toEqual(expected); // from the kept minute
  });

  it('before 1894, when the offset was local mean time (not whole hours), every instant is asked', () => {
    // the time-zone database decides the old offset (+0:50:20 or Berlin's +0:53:28 in recent data)
    for (const iso of ['1880-01-01T00:00:30Z', '1880-01-01T00:00:31Z', '1893-06-01T12:00:00Z']) expect(copenhagenClock(new Date(iso))).toEqual(asked(new Date(iso)));
  });

  it('agrees with Intl at any instant, asked once or again, seconds included', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: 0, max: 59_999 }), (base, within) => {
        const minuteStart = Math.floor(base / 60_000) * 60_000;
        for (const ms of [minuteStart + within, minuteStart, minuteStart + 59_999]) {
          expect(copenhagenClock(new Date(ms))).toEqual(asked(new Date(ms)));
        }
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  it('refuses an invalid date', () => {
    expect(() => copenhagenClock(new Date('x'))).toThrow(RangeError);
  });
});
