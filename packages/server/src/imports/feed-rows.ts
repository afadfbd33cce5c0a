import { createHash } from 'node:crypto';
import { cprDanishError, isLocalDate, parseCpr, SECTORS } from '@helhed/core';

/**
 * The two feeds and their row validation. Each field gets its own Danish
 * message, so the error report says exactly what to correct on which line.
 */
export const SECTOR_RECORD_COLUMNS = [
  'source_system',
  'external_id',
  'cpr',
  'kind',
  'sector',
  'code',
  'title',
  'legal_basis',
  'start_date',
  'end_date',
] as const;
export const CITIZEN_COLUMNS = ['external_id', 'cpr', 'name', 'birth_date', 'sex', 'household_key', 'address'] as const;

export type Feed = 'citizens' | 'sector_records';
export const FEED_COLUMNS: Record<Feed, readonly string[]> = { citizens: CITIZEN_COLUMNS, sector_records: SECTOR_RECORD_COLUMNS };
/** Columns a feed may leave empty or leave out. */
export const OPTIONAL_COLUMNS: Record<Feed, readonly string[]> = {
  citizens: ['external_id', 'birth_date', 'sex', 'household_key', 'address'],
  sector_records: ['end_date'],
};

export interface RowError {
  field: string;
  message: string;
  value: string | null;
}

export interface SectorRecordRow {
  sourceSystem: string;
  externalId: string;
  cpr: string;
  kind: 'benefit' | 'plan' | 'intervention';
  sector: string;
  code: string;
  title: string;
  legalBasis: string;
  start: string;
  end: string | null;
  hash: string;
}

export interface CitizenRow {
  cpr: string;
  birthDate: string;
  sex: 'female' | 'male';
  name: string;
  householdKey: string | null;
  address: string;
}

const KINDS = ['benefit', 'plan', 'intervention'];

/**
 * The error report is read outside the audited path (it is bookkeeping), so
 * it may quote only code-like fields back, never a person's data.
 */
const QUOTABLE = new Set(['source_system', 'external_id', 'kind', 'sector', 'code', 'start_date', 'end_date']);
const echo = (column: string, value: string): string | null => (QUOTABLE.has(column) ? value : null);
const SEX_VALUES: Record<string, 'female' | 'male'> = { female: 'female', male: 'male', k: 'female', m: 'male' };
const MAX = 500;

function required(raw: Record<string, string | undefined>, feed: Feed, errors: RowError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const column of FEED_COLUMNS[feed]) {
    const value = (raw[column] ?? '').trim();
    if (!value && !OPTIONAL_COLUMNS[feed].includes(column)) errors.push({ field: column, message: 'Feltet mangler.', value: null });
    else if (value.length > MAX) errors.push({ field: column, message: `Feltet er længere end ${MAX} tegn.`, value: echo(column, value.slice(0, 40)) });
    out[column] = value;
  }
  return out;
}

function cprOf(value: string, errors: RowError[]) {
  if (!value) return null;
  const parsed = parseCpr(value);
  if (!parsed.ok) {
    // The refused number is not echoed into the report: it may be a real person's.
    errors.push({ field: 'cpr', message: cprDanishError(parsed.error), value: null });
    return null;
  }
  return parsed.cpr;
}

export function validateSectorRecord(raw: Record<string, string | undefined>): { row: SectorRecordRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const v = required(raw, 'sector_records', errors);
  const cpr = cprOf(v.cpr!, errors);
  if (v.kind && !KINDS.includes(v.kind)) errors.push({ field: 'kind', message: 'Skal være benefit, plan eller intervention.', value: v.kind });
  if (v.sector && !(SECTORS as readonly string[]).includes(v.sector)) {
    errors.push({ field: 'sector', message: `Ukendt sektor. Tilladte: ${SECTORS.join(', ')}.`, value: v.sector });
  }
  if (v.code && !/^[a-z0-9_]+$/.test(v.code)) errors.push({ field: 'code', message: 'Koden må kun indeholde a-z, 0-9 og _.', value: v.code });
  for (const f of ['start_date', 'end_date'] as const) {
    if (v[f] && !isLocalDate(v[f])) errors.push({ field: f, message: 'Datoen skal have formen ÅÅÅÅ-MM-DD og findes i kalenderen.', value: v[f]! });
  }
  if (v.start_date && v.end_date && isLocalDate(v.start_date) && isLocalDate(v.end_date) && v.end_date < v.start_date) {
    errors.push({ field: 'end_date', message: 'Slutdatoen ligger før startdatoen.', value: v.end_date });
  }
  if (errors.length || !cpr) return { errors };
  const row = {
    sourceSystem: v.source_system!,
    externalId: v.external_id!,
    cpr: cpr.digits,
    kind: v.kind as SectorRecordRow['kind'],
    sector: v.sector!,
    code: v.code!,
    title: v.title!,
    legalBasis: v.legal_basis!,
    start: v.start_date!,
    end: v.end_date || null,
  };
  return { row: { ...row, hash: recordHash(row) } };
}

export function validateCitizen(raw: Record<string, string | undefined>): { row: CitizenRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const v = required(raw, 'citizens', errors);
  const cpr = cprOf(v.cpr!, errors);
  // Birth date and sex come from the CPR number; a feed that also states them must agree.
  if (cpr && v.birth_date && v.birth_date !== cpr.birthDate) {
    errors.push({ field: 'birth_date', message: 'Fødselsdatoen passer ikke med CPR-nummeret.', value: null });
  }
  if (cpr && v.sex && SEX_VALUES[v.sex.toLowerCase()] !== cpr.sex) {
    errors.push({ field: 'sex', message: 'Kønnet passer ikke med CPR-nummeret (female/male eller K/M).', value: null });
  }
  if (errors.length || !cpr) return { errors };
  return {
    row: { cpr: cpr.digits, birthDate: cpr.birthDate, sex: cpr.sex, name: v.name!, householdKey: v.household_key || null, address: v.address ?? '' },
  };
}

/** What a corrected row changes: the content, not the keys. Equal hash = the same row again. */
export function recordHash(r: { cpr: string; kind: string; sector: string; code: string; title: string; legalBasis: string; start: string; end: string | null }): string {
  return createHash('sha256')
    .update([r.cpr, r.kind, r.sector, r.code, r.title, r.legalBasis, r.start, r.end ?? ''].join('\u001f'))
    .digest('hex')
    .slice(0, 32);
}
