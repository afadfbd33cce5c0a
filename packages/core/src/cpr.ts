/**
 * CPR numbers (personnummer): DDMMYY-SSSS. The century is decoded from the
 * 7th digit; the last digit gives the legal sex.
 *
 * Modulus 11 is deliberately not checked: since 2007 the CPR office issues
 * valid numbers that fail it, so rejecting them would lock real citizens out.
 *
 * Substitute numbers (erstatningspersonnumre, day + 60, issued locally for
 * people without a CPR number) are rejected as 'date'. They are not CPR
 * register identities — Digital Post, Udbetaling Danmark and the CPR lookup
 * cannot resolve them — and a case under the main law needs a registered
 * citizen; accepting them would need a separate identity type, not a looser
 * parser.
 *
 * Error messages never echo the input, so they are safe to log.
 */
import { isLocalDate, type LocalDate } from './local-date';

export type CprSex = 'female' | 'male';

export interface Cpr {
  /** Exactly 10 digits, no separator. */
  digits: string;
  birthDate: LocalDate;
  sex: CprSex;
}

export type CprError = 'format' | 'date';

export type CprParseResult = { ok: true; cpr: Cpr } | { ok: false; error: CprError };

const CPR_PATTERN = /^(\d{6})-?(\d{4})$/;

/**
 * The full birth year for a two-digit year and the 7th digit (SPEC §10):
 * 0–3: 1900–1999; 4 or 9: 2000–2036 if YY ≤ 36, else 1937–1999;
 * 5–8: 2000–2057 if YY ≤ 57, else 1858–1899.
 */
export function cprBirthYear(twoDigitYear: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + twoDigitYear;
  if (seventhDigit === 4 || seventhDigit === 9) return (twoDigitYear <= 36 ? 2000 : 1900) + twoDigitYear;
  return (twoDigitYear <= 57 ? 2000 : 1800) + twoDigitYear;
}

export function parseCpr(input: string): CprParseResult {
  const match = CPR_PATTERN.exec(input.trim());
  if (!match) return { ok: false, error: 'format' };
  const digits = `${match[1]}${match[2]}`;
  const twoDigitYear = Number(digits.slice(4, 6));
  const year = cprBirthYear(twoDigitYear, Number(digits[6]));
  const birthDate = `${year}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
  if (!isLocalDate(birthDate)) return { ok: false, error: 'date' };
  const sex: CprSex = Number(digits[9]) % 2 === 0 ? 'female' : 'male';
  return { ok: true, cpr: { digits, birthDate, sex } };
}

function tenDigits(value: string): string {
  const match = CPR_PATTERN.exec(value);
  // The input is not repeated in the message: it may be a real CPR number.
  if (!match) throw new RangeError('CPR-nummeret skal have formen DDMMÅÅ-SSSS.');
  return `${match[1]}${match[2]}`;
}

/** 'DDMMYY-SSSS'. Accepts the number with or without the hyphen. */
export function formatCpr(digits: string): string {
  const ten = tenDigits(digits);
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}

/** 'DDMMYY-xxxx': for display where the full number is not needed, and for logs. */
export function maskCpr(digits: string): string {
  return `${tenDigits(digits).slice(0, 6)}-xxxx`;
}

const CPR_ERRORS_DA: Record<CprError, string> = {
  format: 'CPR-nummeret skal have formen DDMMÅÅ-SSSS.',
  date: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.',
};

export function cprDanishError(error: CprError): string {
  return CPR_ERRORS_DA[error];
}

const SYNTHETIC_MIN_YEAR = 1858;
const SYNTHETIC_MAX_YEAR = 2057;
const LAST_DIGITS_PER_SEX = 5;
const MIDDLE_PAIRS = 100;

function seventhDigitsFor(birthDate: LocalDate): number[] {
  if (!isLocalDate(birthDate)) {
    throw new RangeError(`Ugyldig fødselsdato: "${birthDate}". Datoen skal have formen ÅÅÅÅ-MM-DD.`);
  }
  const year = Number(birthDate.slice(0, 4));
  if (year < SYNTHETIC_MIN_YEAR || year > SYNTHETIC_MAX_YEAR) {
    throw new RangeError(`Et CPR-nummer kan kun angive fødselsår fra ${SYNTHETIC_MIN_YEAR} til ${SYNTHETIC_MAX_YEAR}.`);
  }
  // Derived from the decoder itself, so generator and parser cannot disagree.
  return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((digit) => cprBirthYear(year % 100, digit) === year);
}

/**
 * How many distinct synthetic numbers exist for one birth date and sex
 * (valid serials are 0 … capacity − 1).
 */
export function syntheticCprCapacity(birthDate: LocalDate): number {
  return seventhDigitsFor(birthDate).length * MIDDLE_PAIRS * LAST_DIGITS_PER_SEX;
}

/**
 * A CPR number for seed data and test generators: the 7th digit is chosen so
 * the century decodes back to `birthDate`, the last digit matches `sex`, and
 * distinct serials give distinct numbers. Such a number may well belong to a
 * real person, so it must never leave test and demo environments.
 */
export function syntheticCpr(birthDate: LocalDate, sex: CprSex, serial: number): Cpr {
  const seventhDigits = seventhDigitsFor(birthDate);
  const capacity = seventhDigits.length * MIDDLE_PAIRS * LAST_DIGITS_PER_SEX;
  if (!Number.isInteger(serial) || serial < 0 || serial >= capacity) {
    throw new RangeError(`Løbenummeret skal være et helt tal fra 0 til ${capacity - 1}.`);
  }
  const lastDigit = (serial % LAST_DIGITS_PER_SEX) * 2 + (sex === 'male' ? 1 : 0);
  const middle = Math.floor(serial / LAST_DIGITS_PER_SEX) % MIDDLE_PAIRS;
  const seventh = seventhDigits[Math.floor(serial / (LAST_DIGITS_PER_SEX * MIDDLE_PAIRS))];
  const digits =
    birthDate.slice(8, 10) +
    birthDate.slice(5, 7) +
    birthDate.slice(2, 4) +
    String(seventh) +
    String(middle).padStart(2, '0') +
    String(lastDigit);
  return { digits, birthDate, sex };
}
