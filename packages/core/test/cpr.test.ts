import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cprBirthYear,
  cprDanishError,
  formatCpr,
  maskCpr,
  parseCpr,
  syntheticCpr,
  syntheticCprCapacity,
} from '../src/cpr';
import { addDays, daysBetween } from '../src/local-date';

const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const passesModulus11 = (digits: string): boolean =>
  [...digits].reduce((sum, d, i) => sum + Number(d) * (MOD11_WEIGHTS[i] ?? 0), 0) % 11 === 0;

describe('parseCpr: accepted forms', () => {
  it.each([
    ['010190-1234', '0101901234', '1990-01-01', 'female'],
    ['0101901234', '0101901234', '1990-01-01', 'female'],
    ['  010190-1235\t', '0101901235', '1990-01-01', 'male'],
    ['070761-4285', '0707614285', '1961-07-07', 'male'],
  ])('%j → %s', (input, digits, birthDate, sex) => {
    expect(parseCpr(input)).toEqual({ ok: true, cpr: { digits, birthDate, sex } });
  });

  it('accepts a number that fails modulus 11 (issued since 2007)', () => {
    expect(passesModulus11('0101901234')).toBe(false);
    expect(parseCpr('010190-1234').ok).toBe(true);
    // … and the classic example that passes it is accepted too.
    expect(passesModulus11('0707614285')).toBe(true);
    expect(parseCpr('070761-4285').ok).toBe(true);
  });
});

describe('parseCpr: format errors', () => {
  it.each([
    '',
    '   ',
    '010190-123',
    '010190-12345',
    '01019-01234',
    '010190 1234',
    '010190--1234',
    '010190/1234',
    '01.01.90-1234',
    'O10190-1234',
    '010190-123x',
    '+010190-1234',
    '010190-1234a',
    '０１０１９０-１２３４', // full-width digits
  ])('%j → format', (input) => {
    expect(parseCpr(input)).toEqual({ ok: false, error: 'format' });
  });
});

describe('parseCpr: century from the 7th digit (SPEC §10)', () => {
  it.each([
    // 7th digit 0–3: 1900–1999
    ['010100-0000', '1900-01-01'],
    ['311299-3999', '1999-12-31'],
    ['150536-2001', '1936-05-15'],
    // 4 or 9: 2000–2036 if YY ≤ 36, else 1937–1999
    ['010136-4000', '2036-01-01'],
    ['010137-4000', '1937-01-01'],
    ['010100-9000', '2000-01-01'],
    ['311299-9000', '1999-12-31'],
    // 5–8: 2000–2057 if YY ≤ 57, else 1858–1899
    ['010157-5000', '2057-01-01'],
    ['010158-5000', '1858-01-01'],
    ['311299-8000', '1899-12-31'],
    ['010100-6000', '2000-01-01'],
    ['150926-7000', '2026-09-15'],
  ])('%s → %s', (input, birthDate) => {
    const result = parseCpr(input);
    expect(result.ok && result.cpr.birthDate).toBe(birthDate);
  });

  it.each([
    [0, 0, 1900], [3, 99, 1999],
    [4, 36, 2036], [4, 37, 1937], [9, 0, 2000], [9, 99, 1999],
    [5, 57, 2057], [5, 58, 1858], [8, 0, 2000], [8, 99, 1899],
  ])('cprBirthYear(yy=%i … 7th=%i)', (seventh, yy, year) => {
    expect(cprBirthYear(yy, seventh)).toBe(year);
  });
});

describe('parseCpr: date errors', () => {
  it.each([
    ['290223-1234', '29 Feb 2023 is not a leap day'],
    ['300220-1234', '30 February'],
    ['290200-0000', '1900 is not a leap year (7th digit 0)'],
    ['011390-1234', 'month 13'],
    ['010090-1234', 'month 00'],
    ['000190-1234', 'day 00'],
    ['310490-1234', '31 April'],
    ['320190-1234', 'day 32'],
    ['610190-1234', 'erstatningspersonnummer (day + 60) is not a CPR number'],
    ['700190-1234', 'erstatningspersonnummer (day + 60)'],
  ])('%s → date (%s)', (input) => {
    expect(parseCpr(input)).toEqual({ ok: false, error: 'date' });
  });

  it('accepts 29 February in a leap year of the decoded century', () => {
    expect(parseCpr('290200-4000')).toEqual({
      ok: true,
      cpr: { digits: '2902004000', birthDate: '2000-02-29', sex: 'female' },
    });
    expect(parseCpr('290296-1001')).toEqual({
      ok: true,
      cpr: { digits: '2902961001', birthDate: '1996-02-29', sex: 'male' },
    });
  });
});

describe('parseCpr: sex from the last digit', () => {
  it.each([
    ['0', 'female'], ['1', 'male'], ['2', 'female'], ['3', 'male'], ['4', 'female'],
    ['5', 'male'], ['6', 'female'], ['7', 'male'], ['8', 'female'], ['9', 'male'],
  ])('last digit %s → %s', (last, sex) => {
    const result = parseCpr(`010190-123${last}`);
    expect(result.ok && result.cpr.sex).toBe(sex);
  });
});

describe('formatCpr / maskCpr / cprDanishError', () => {
  it('formats with a hyphen', () => {
    expect(formatCpr('0101901234')).toBe('010190-1234');
    expect(formatCpr('010190-1234')).toBe('010190-1234');
  });

  it('masks the serial', () => {
    expect(maskCpr('0101901234')).toBe('010190-xxxx');
    expect(maskCpr('010190-1234')).toBe('010190-xxxx');
  });

  it('throws on non-CPR input without echoing it', () => {
    expect(() => formatCpr('12345')).toThrow('CPR-nummeret skal have formen DDMMÅÅ-SSSS.');
    try {
      maskCpr('0101901234x');
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('0101901234');
    }
  });

  it('gives Danish messages', () => {
    expect(cprDanishError('format')).toBe('CPR-nummeret skal have formen DDMMÅÅ-SSSS.');
    expect(cprDanishError('date')).toBe('CPR-nummeret indeholder ikke en gyldig fødselsdato.');
  });

  it('property: formatCpr and parseCpr agree', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (digits) => {
        const result = parseCpr(digits);
        if (result.ok) {
          expect(result.cpr.digits).toBe(digits);
          expect(parseCpr(formatCpr(digits))).toEqual(result);
        } else {
          expect(result.error).toBe('date');
        }
      }),
    );
  });
});

describe('syntheticCpr', () => {
  it.each([
    ['1858-01-01', 'female', 0, '0101585000'],
    ['1899-12-31', 'male', 0, '3112995001'],
    ['1900-01-01', 'female', 0, '0101000000'],
    ['1936-05-15', 'male', 1, '1505360003'],
    ['1937-01-01', 'female', 0, '0101370000'],
    ['1990-01-01', 'female', 2000, '0101904000'], // serial 2000 picks index 4 of the 7th digits [0,1,2,3,4,9]
    ['2000-01-01', 'male', 0, '0101004001'],
    ['2036-12-31', 'female', 7, '3112364014'],
    ['2037-01-01', 'female', 0, '0101375000'],
    ['2057-12-31', 'male', 0, '3112575001'],
  ] as const)('(%s, %s, %i) → %s', (birthDate, sex, serial, digits) => {
    expect(syntheticCpr(birthDate, sex, serial)).toEqual({ digits, birthDate, sex });
  });

  it.each([
    ['1858-06-01', 2000], // 5–8
    ['1920-06-01', 2000], // 0–3
    ['1960-06-01', 3000], // 0–3, 4, 9
    ['2020-06-01', 3000], // 4–9
    ['2040-06-01', 2000], // 5–8
  ])('capacity for %s is %i', (birthDate, capacity) => {
    expect(syntheticCprCapacity(birthDate)).toBe(capacity);
  });

  it('rejects dates a CPR number cannot express, and bad serials', () => {
    expect(() => syntheticCpr('1857-12-31', 'female', 0)).toThrow(/1858 til 2057/);
    expect(() => syntheticCpr('2058-01-01', 'female', 0)).toThrow(/1858 til 2057/);
    expect(() => syntheticCpr('2023-02-29', 'female', 0)).toThrow(/Ugyldig fødselsdato/);
    expect(() => syntheticCpr('1920-06-01', 'male', 2000)).toThrow(/0 til 1999/);
    expect(() => syntheticCpr('1920-06-01', 'male', -1)).toThrow(RangeError);
    expect(() => syntheticCpr('1920-06-01', 'male', 1.5)).toThrow(RangeError);
  });

  const birthDate = fc
    .integer({ min: 0, max: daysBetween('1858-01-01', '2057-12-31') })
    .map((n) => addDays('1858-01-01', n));
  const sex = fc.constantFrom('female' as const, 'male' as const);

  it('property: parseCpr round-trips birth date and sex for 1858-01-01 … 2057-12-31', () => {
    fc.assert(
      fc.property(birthDate, sex, fc.nat(), (date, s, n) => {
        const cpr = syntheticCpr(date, s, n % syntheticCprCapacity(date));
        expect(parseCpr(cpr.digits)).toEqual({ ok: true, cpr: { digits: cpr.digits, birthDate: date, sex: s } });
        expect(parseCpr(formatCpr(cpr.digits))).toEqual({ ok: true, cpr });
      }),
      { numRuns: 2000 },
    );
  });

  it('property: distinct serials give distinct numbers', () => {
    fc.assert(
      fc.property(birthDate, sex, fc.nat(), fc.nat(), (date, s, a, b) => {
        const capacity = syntheticCprCapacity(date);
        const [x, y] = [a % capacity, b % capacity];
        fc.pre(x !== y);
        expect(syntheticCpr(date, s, x).digits).not.toBe(syntheticCpr(date, s, y).digits);
      }),
    );
  });
});
