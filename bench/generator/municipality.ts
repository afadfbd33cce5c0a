/**
 * Synthetic municipality generator: citizens (with households) and their
 * sector records, in the import format the server accepts.
 *
 * - Seeded and reproducible: two sfc32 streams (prng.ts) — one for the people,
 *   one for their records — drive everything in a fixed order, so the same
 *   seed and options give byte-identical output —
 *   whichever sinks are attached. Reference date ("today") is an option,
 *   default 2026-11-23 as in the demo municipality; the clock is never read.
 * - Streaming: a household is drawn, written and forgotten; only CPR serial
 *   counters per birth date (a typed array), the street table and counters
 *   are kept. Output goes through buffered writers that respect backpressure.
 *
 * SHARES (of the 18–64-year-olds active on "today", unless said otherwise),
 * plausible Danish figures, rounded (Jobindsats / Statistics Denmark
 * "offentligt forsørgede" 2023–2025; Socialstyrelsen; Ankestyrelsen):
 *   kontanthjælp (incl. former uddannelseshjælp)   ~3.3 %
 *   sygedagpenge                                   ~2 %
 *   fleksjob ~1.5 %, ledighedsydelse ~0.3 %
 *   førtidspension                                 ~3 %
 *   arbejdsløshedsdagpenge                         ~3 %
 *   ressourceforløbsydelse ~0.6 %, revalidering ~0.05 %
 *   Min Plan for ~90–97 % of those on kontanthjælp, ressourceforløb,
 *   ledighedsydelse, revalidering and dagpenge; ~55 % on sygedagpenge.
 *   Adults (18+): SEL § 85 ~1 %, SEL § 101 ~0.3–0.5 %, sundhedsloven § 141
 *   ~0.3 %, §§ 107/108/108 a and botilbudslignende small (≤0.2 %),
 *   psychiatric treatment plan ~0.5 %, folkepension for everyone past
 *   folkepensionsalder (SPEC §5 table).
 *   Children (0–17): ~3 % preventive measures (barnets lov § 32), ~0.8 %
 *   placed outside the home (§ 46), PPR/extra school support for a few
 *   percent, ~1.5 % with a disability (aids, § 86 additional costs).
 *
 * The people are not independent: a latent vulnerability level per adult
 * (0 none, 1 moderate, 2 complex problems), correlated within the household,
 * drives benefits, social interventions, psychiatric plans and the
 * children's measures — so the "complex" citizens carry several records at
 * once, as the seeds describe, and families cluster.
 *
 * TARGET GROUP SIZE. Seed 000 (udspillet 2018, p. "Målgruppe"): "over 30.000
 * voksne borgere får både sociale indsatser og beskæftigelsesrettede
 * indsatser" — ≈ 0.65 % of Denmark's ~4.6 million adults. The mandatory
 * group (SPEC §5: age ≥ 25 + Min Plan + a listed benefit + a listed social
 * intervention, all active) is a narrower subset; we aim at about half of it,
 * ≈ 0.3–0.4 % of adults, i.e. ~1 500–2 000 citizens in a 600 000-citizen
 * municipality (~480 000 adults). self-check.ts measures it.
 *
 * HISTORY. Ended records are kept when they ended within `historyYears`
 * (default 13, see DEFAULT_HISTORY_YEARS) before today; running records are kept whatever their start.
 * Law changes in the data: uddannelseshjælp (under-30s, from 2014-01-01) and
 * overgangsydelse end on 2025-06-30 — the kontanthjælp reform of 1 July 2025
 * (verify) folds them into kontanthjælp, so a running case continues as
 * kontanthjælp from 2025-07-01; no new ressourceforløb/revalidering start
 * after 2026-06-30 (lov nr. 1750 af 29. december 2025, SPEC §5).
 */
import { syntheticCpr, syntheticCprCapacity } from '@helhed/core';
import type { Writable } from 'node:stream';
import { addYears, ageOn, dayOf, firstOfNextMonth, formatDay, parseDay, pensionDay, yearOf } from './dates';
import { SOURCE_KEYS, SOURCE_SYSTEMS, TEMPLATES, csvField, type Template, type TemplateKey } from './catalog';
import { AddressBook, drawFullName, drawHousehold, drawLastName, type PersonDraft, type Sex } from './population';
import { Rng, Weighted } from './prng';

export const GENERATOR_VERSION = 1;

/**
 * Ended records are kept for this many years. 13 makes 600 000 citizens come
 * out at ≈ 2 million sector records, the size SPEC §7.1 benchmarks on
 * (10 years: ≈ 1.6 million; 15: ≈ 2.25 million).
 */
export const DEFAULT_HISTORY_YEARS = 13;

export const CITIZENS_HEADER = 'external_id,cpr,name,birth_date,sex,household_key,address';
export const RECORDS_HEADER = 'source_system,external_id,cpr,kind,sector,code,title,legal_basis,start_date,end_date';

export interface GeneratorOptions {
  citizens: number;
  seed: number | string;
  /** reference date, YYYY-MM-DD (default 2026-11-23) */
  today?: string;
  /** ended records older than this are left out (default DEFAULT_HISTORY_YEARS = 13) */
  historyYears?: number;
}

export interface ResolvedOptions {
  citizens: number;
  seed: number | string;
  today: string;
  historyYears: number;
}

export function resolveOptions(opts: GeneratorOptions): ResolvedOptions {
  if (!Number.isInteger(opts.citizens) || opts.citizens < 1) throw new RangeError('citizens must be a positive integer');
  const today = opts.today ?? '2026-11-23';
  parseDay(today);
  const historyYears = opts.historyYears ?? DEFAULT_HISTORY_YEARS;
  if (!(historyYears >= 0 && historyYears <= 40)) throw new RangeError('historyYears must be between 0 and 40');
  return { citizens: opts.citizens, seed: opts.seed, today, historyYears };
}

export interface CitizenRow {
  external_id: string;
  cpr: string;
  name: string;
  birth_date: string;
  sex: Sex;
  household_key: string;
  address: string;
}

export interface RecordRow {
  source_system: string;
  external_id: string;
  cpr: string;
  kind: 'benefit' | 'plan' | 'intervention';
  sector: string;
  code: string;
  title: string;
  legal_basis: string;
  start_date: string;
  end_date: string | null;
}

export interface GeneratorProgress {
  citizens: number;
  records: number;
  total: number;
  seconds: number;
}

export interface GeneratorSinks {
  /** citizens.csv (header + rows) */
  citizensCsv?: Writable;
  /** records.csv (header + rows) */
  recordsCsv?: Writable;
  /** records.jsonl (one object a line, end_date null when open) */
  recordsJsonl?: Writable;
  /** object hooks, e.g. to COPY straight into a database; a returned promise is awaited */
  onCitizen?: (row: CitizenRow) => void | Promise<void>;
  onRecord?: (row: RecordRow) => void | Promise<void>;
  onProgress?: (progress: GeneratorProgress) => void;
  /** end the streams when done (default true) */
  endStreams?: boolean;
}

export interface GeneratorCounts {
  citizens: number;
  adults: number;
  children: number;
  households: number;
  records: number;
  recordsByKind: Record<string, number>;
  recordsBySource: Record<string, number>;
  /** citizens whose birth date moved a day because the date's CPR serials ran out */
  cprDateShifts: number;
}

// ---------------------------------------------------------------------------
// Buffered, backpressure-aware writer
// ---------------------------------------------------------------------------

const FLUSH_AT = 1 << 20;

class BufferedWriter {
  private parts: string[] = [];
  private size = 0;
  private writable = true;

  constructor(private readonly stream: Writable) {}

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flushSync();
  }

  get mustWait(): boolean {
    return !this.writable;
  }

  private flushSync(): void {
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) this.writable = false;
  }

  /** waits for 'drain' if the stream asked us to */
  async settle(): Promise<void> {
    if (this.writable) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error): void => {
        this.stream.off('drain', onDrain);
        reject(error);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
    this.writable = true;
  }

  async close(end: boolean): Promise<void> {
    this.flushSync();
    await this.settle();
    if (!end) return;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

// ---------------------------------------------------------------------------
// CPR serials: unique per birth date and sex, never reused
// ---------------------------------------------------------------------------

const SERIAL_STRIDE = 1009; // prime: n ↦ (n·stride + offset) mod capacity is a bijection

class CprAllocator {
  private readonly first: number;
  private readonly used: Int32Array;
  shifts = 0;

  constructor(firstDay: number, lastDay: number) {
    this.first = firstDay;
    this.used = new Int32Array((lastDay - firstDay + 1) * 2);
  }

  /** A fresh CPR number; when the date's serials are used up, the next day with room is taken. */
  allocate(birth: number, sex: Sex): { digits: string; birth: number } {
    for (let day = birth; ; day++) {
      const slot = (day - this.first) * 2 + (sex === 'male' ? 1 : 0);
      const date = formatDay(day);
      const capacity = syntheticCprCapacity(date);
      const n = this.used[slot] as number;
      if (n < capacity) {
        this.used[slot] = n + 1;
        if (day !== birth) this.shifts++;
        const offset = (day * 7919) % capacity;
        const serial = (n * SERIAL_STRIDE + (offset < 0 ? offset + capacity : offset)) % capacity;
        return { digits: syntheticCpr(date, sex, serial).digits, birth: day };
      }
    }
  }
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

type Level = 0 | 1 | 2;

type Status =
  | 'none'
  | 'kontanthjaelp'
  | 'sygedagpenge'
  | 'dagpenge'
  | 'fleksjob'
  | 'ledighedsydelse'
  | 'ressourceforloeb'
  | 'revalidering'
  | 'overgangsydelse'
  | 'foertidspension';

/** Current status by level: probabilities (the rest is 'none'). */
const STATUS_BY_LEVEL: Record<Level, ReadonlyArray<readonly [Status, number]>> = {
  2: [
    ['kontanthjaelp', 0.55], ['ressourceforloeb', 0.16], ['foertidspension', 0.12], ['sygedagpenge', 0.06],
    ['ledighedsydelse', 0.02], ['revalidering', 0.005],
  ],
  1: [
    ['kontanthjaelp', 0.23], ['foertidspension', 0.28], ['fleksjob', 0.135], ['sygedagpenge', 0.08], ['dagpenge', 0.06],
    ['ressourceforloeb', 0.05], ['ledighedsydelse', 0.04], ['revalidering', 0.003],
  ],
  0: [
    ['dagpenge', 0.028], ['sygedagpenge', 0.012], ['kontanthjaelp', 0.006], ['fleksjob', 0.002], ['foertidspension', 0.0007],
  ],
};

/** Age multipliers on the status probabilities. */
function ageFactor(status: Status, age: number): number {
  switch (status) {
    case 'kontanthjaelp':
      return age < 30 ? 1.3 : age < 50 ? 1 : age < 60 ? 0.85 : 0.5;
    case 'foertidspension':
      return age < 30 ? 0.25 : age < 40 ? 0.6 : age < 50 ? 1 : age < 60 ? 1.6 : 1.8;
    case 'sygedagpenge':
      return age < 25 ? 0.5 : age < 40 ? 0.9 : age < 60 ? 1.2 : 1.1;
    case 'dagpenge':
      return age < 25 ? 0.6 : age < 35 ? 1.3 : age < 60 ? 1 : 0.9;
    case 'fleksjob':
    case 'ledighedsydelse':
      return age < 30 ? 0.3 : age < 40 ? 0.8 : age < 60 ? 1.3 : 1.2;
    case 'ressourceforloeb':
      return age < 25 ? 0.5 : age < 50 ? 1.2 : 0.9;
    default:
      return 1;
  }
}

/** Types of past (ended) episodes by level. */
const PAST_TYPES: Record<Level, Weighted<Status>> = {
  0: new Weighted<Status>([['dagpenge', 0.55], ['sygedagpenge', 0.37], ['kontanthjaelp', 0.07], ['overgangsydelse', 0.01]]),
  1: new Weighted<Status>([
    ['sygedagpenge', 0.35], ['dagpenge', 0.22], ['kontanthjaelp', 0.3], ['ressourceforloeb', 0.05], ['ledighedsydelse', 0.04],
    ['overgangsydelse', 0.03], ['revalidering', 0.01],
  ]),
  2: new Weighted<Status>([
    ['kontanthjaelp', 0.6], ['sygedagpenge', 0.14], ['ressourceforloeb', 0.13], ['dagpenge', 0.05], ['overgangsydelse', 0.04],
    ['revalidering', 0.04],
  ]),
};
/** mean gap between episodes, years */
const GAP_YEARS: Record<Level, number> = { 0: 5, 1: 2, 2: 0.7 };

/** Mean duration of a whole episode in years (past episodes; running ones draw the elapsed part). */
function meanDurationYears(status: Status, level: Level): number {
  switch (status) {
    case 'kontanthjaelp':
    case 'overgangsydelse':
      return level === 2 ? 3 : level === 1 ? 1.3 : 0.5;
    case 'sygedagpenge':
      return level === 0 ? 0.3 : 0.5;
    case 'dagpenge':
      return 0.45;
    case 'fleksjob':
      return 6;
    case 'ledighedsydelse':
      return 1.1;
    case 'ressourceforloeb':
      return 2.3;
    case 'revalidering':
      return 1.5;
    case 'foertidspension':
      return 10;
    default:
      return 1;
  }
}

/** probability of a Min Plan with a benefit episode */
const PLAN_PROBABILITY: Partial<Record<Status, number>> = {
  kontanthjaelp: 0.95,
  overgangsydelse: 0.93,
  ressourceforloeb: 0.92,
  ledighedsydelse: 0.9,
  revalidering: 0.9,
  dagpenge: 0.97,
  sygedagpenge: 0.55,
};

const SOCIAL_TYPES: Record<'complex' | 'disability' | 'other', Weighted<TemplateKey>> = {
  complex: new Weighted<TemplateKey>([
    ['sel85', 0.5], ['sel101', 0.23], ['sundhedsloven141', 0.13], ['sel107', 0.04], ['sel108', 0.03],
    ['botilbudslignende', 0.05], ['sel108a', 0.02],
  ]),
  disability: new Weighted<TemplateKey>([
    ['sel85', 0.55], ['sel108', 0.18], ['sel107', 0.05], ['botilbudslignende', 0.1], ['sel108a', 0.02], ['sel101', 0.05],
    ['sundhedsloven141', 0.05],
  ]),
  other: new Weighted<TemplateKey>([['sel85', 0.4], ['sundhedsloven141', 0.3], ['sel101', 0.3]]),
};

const DAYS_PER_YEAR = 365.2425;
const UDD_FROM = dayOf(2014, 1, 1);
const REFORM_2025 = dayOf(2025, 7, 1);
const NO_NEW_RESSOURCEFORLOEB_AFTER = dayOf(2026, 6, 30);

interface Member {
  cpr: string;
  birth: number;
  sex: Sex;
  age: number;
  level: Level;
  child: boolean;
}

export async function generateMunicipality(options: GeneratorOptions, sinks: GeneratorSinks): Promise<GeneratorCounts> {
  const opts = resolveOptions(options);
  const started = performance.now();
  // Two streams: `people` draws households, names, addresses and latent levels;
  // `rng` draws records. So citizens.csv does not change with history options.
  const people = new Rng(opts.seed);
  const rng = new Rng(`${String(opts.seed)}/records`);
  const today = parseDay(opts.today);
  const historyStart = addYears(today, -opts.historyYears);
  const age18Cutoff = (birth: number): number => addYears(birth, 18);

  const citizensOut = sinks.citizensCsv ? new BufferedWriter(sinks.citizensCsv) : null;
  const recordsOut = sinks.recordsCsv ? new BufferedWriter(sinks.recordsCsv) : null;
  const jsonlOut = sinks.recordsJsonl ? new BufferedWriter(sinks.recordsJsonl) : null;
  const writers = [citizensOut, recordsOut, jsonlOut].filter((w): w is BufferedWriter => w !== null);
  citizensOut?.push(CITIZENS_HEADER + '\n');
  recordsOut?.push(RECORDS_HEADER + '\n');

  const cprs = new CprAllocator(addYears(today, -102), today + 366);
  const addresses = new AddressBook();
  const counts: GeneratorCounts = {
    citizens: 0, adults: 0, children: 0, households: 0, records: 0,
    recordsByKind: { benefit: 0, plan: 0, intervention: 0 },
    recordsBySource: Object.fromEntries(SOURCE_KEYS.map((k) => [SOURCE_SYSTEMS[k].name, 0])),
    cprDateShifts: 0,
  };
  const sourceCounters = new Int32Array(SOURCE_KEYS.length);
  const sourceCsv = SOURCE_KEYS.map((k) => csvField(SOURCE_SYSTEMS[k].name));
  const sourceJson = SOURCE_KEYS.map((k) => JSON.stringify(SOURCE_SYSTEMS[k].name));
  const pendingHooks: Promise<void>[] = [];

  // ---- record emission ------------------------------------------------------

  const days = (years: number): number => Math.max(1, Math.round(years * DAYS_PER_YEAR));

  function emit(template: Template, cpr: string, start: number, end: number | null, variant = 0): void {
    if (end !== null && end < historyStart) return; // history older than the feed keeps
    if (start > today) return; // nothing planned ahead
    if (end !== null && end < start) throw new Error(`generator bug: ${template.code} ends before it starts`);
    const v = variant < template.titles.length ? variant : 0;
    const si = template.sourceIndex;
    const n = (sourceCounters[si] as number) + 1;
    sourceCounters[si] = n;
    const externalId = `${SOURCE_SYSTEMS[template.source].prefix}-${String(n).padStart(8, '0')}`;
    const startText = formatDay(start);
    const endText = end === null ? '' : formatDay(end);
    recordsOut?.push(`${sourceCsv[si]},${externalId},${cpr},${template.csvMiddle[v]},${startText},${endText}\n`);
    jsonlOut?.push(
      `{"source_system":${sourceJson[si]},"external_id":"${externalId}","cpr":"${cpr}",${template.jsonMiddle[v]},` +
        `"start_date":"${startText}","end_date":${end === null ? 'null' : `"${endText}"`}}\n`,
    );
    if (sinks.onRecord) {
      const result = sinks.onRecord({
        source_system: SOURCE_SYSTEMS[template.source].name, external_id: externalId, cpr,
        kind: template.kind, sector: template.sector, code: template.code, title: template.titles[v] as string,
        legal_basis: template.legalBasis, start_date: startText, end_date: end === null ? null : endText,
      });
      if (result) pendingHooks.push(result);
    }
    counts.records++;
    (counts.recordsByKind[template.kind] as number)++;
    (counts.recordsBySource[SOURCE_SYSTEMS[template.source].name] as number)++;
  }

  /** A sub-interval inside [from, to] (to = null: still running). Returns null if there is no room. */
  function inside(from: number, to: number | null, meanYears: number, openShare = 0.7): [number, number | null] | null {
    const last = to ?? today;
    if (last < from) return null;
    const start = from + rng.int(Math.max(1, Math.floor((last - from) * 0.6)));
    let end: number | null = start + days(rng.exp(meanYears));
    if (to !== null) end = Math.min(end, to);
    else if (end >= today) end = rng.chance(openShare) ? null : end; // running: open or with a planned end
    return [start, end];
  }

  // ---- benefit episodes ----------------------------------------------------

  function emitBenefit(status: Status, p: Member, start: number, end: number | null, variant: number): void {
    switch (status) {
      case 'kontanthjaelp':
      case 'overgangsydelse': {
        // overgangsydelse and (under 30) uddannelseshjælp until the 2025 reform, kontanthjælp after
        const specialFrom = status === 'overgangsydelse' ? start : Math.max(start, UDD_FROM);
        const young = ageOn(p.birth, specialFrom) < 30;
        const special: TemplateKey | null = status === 'overgangsydelse' ? 'overgangsydelse' : young ? 'uddannelseshjaelp' : null;
        if (special && specialFrom < REFORM_2025 && (end === null || end >= specialFrom)) {
          if (start < specialFrom) emit(TEMPLATES.kontanthjaelp, p.cpr, start, specialFrom - 1, variant);
          const specialEnd = end === null || end >= REFORM_2025 ? REFORM_2025 - 1 : end;
          emit(TEMPLATES[special], p.cpr, specialFrom, specialEnd);
          if (end === null || end >= REFORM_2025) emit(TEMPLATES.kontanthjaelp, p.cpr, REFORM_2025, end, 2);
        } else {
          emit(TEMPLATES.kontanthjaelp, p.cpr, start, end, variant);
        }
        return;
      }
      case 'sygedagpenge': {
        const long = (end ?? today) - start > 22 * 7;
        emit(long ? TEMPLATES.sygedagpengeForlaenget : TEMPLATES.sygedagpenge, p.cpr, start, end);
        return;
      }
      case 'dagpenge':
        emit(TEMPLATES.dagpenge, p.cpr, start, end);
        return;
      case 'fleksjob':
        emit(TEMPLATES.fleksjob, p.cpr, start, end);
        emit(TEMPLATES.fleksloentilskud, p.cpr, start, end);
        if (rng.chance(0.05)) emit(TEMPLATES.personligAssistance, p.cpr, start, end);
        return;
      case 'ledighedsydelse':
        emit(TEMPLATES.ledighedsydelse, p.cpr, start, end);
        return;
      case 'ressourceforloeb':
        emit(TEMPLATES.ressourceforloebsydelse, p.cpr, start, end);
        return;
      case 'revalidering':
        emit(TEMPLATES.revalideringsydelse, p.cpr, start, end);
        return;
      case 'foertidspension':
        emit(TEMPLATES.foertidspension, p.cpr, start, end);
        return;
      case 'none':
        return;
    }
  }

  function emitEpisode(status: Status, p: Member, start: number, end: number | null): void {
    emitBenefit(status, p, start, end, rng.chance(0.8) ? 0 : 1);
    const planP = PLAN_PROBABILITY[status];
    if (planP !== undefined && rng.chance(planP)) {
      const last = end ?? today;
      const planStart = Math.min(last, start + rng.int(22));
      const variant = status === 'dagpenge' ? 0 : rng.chance(0.85) ? 0 : rng.chance(0.5) ? 1 : 2;
      emit(status === 'dagpenge' ? TEMPLATES.minPlanAkasse : TEMPLATES.minPlan, p.cpr, planStart, end, variant);
    }
    // employment measures during the episode
    const active = status === 'kontanthjaelp' || status === 'ressourceforloeb' || status === 'ledighedsydelse' ||
      status === 'overgangsydelse' || status === 'revalidering';
    if (active && p.level > 0) {
      if (rng.chance(p.level === 2 ? 0.35 : 0.15)) {
        const s = inside(start, end, 0.8);
        if (s) emit(TEMPLATES.mentor, p.cpr, s[0], s[1]);
      }
      if (rng.chance(0.15)) {
        const s = inside(start, end, 0.25, 0.1);
        if (s) emit(TEMPLATES.virksomhedspraktik, p.cpr, s[0], s[1] ?? Math.min(s[0] + 13 * 7, today + 13 * 7));
      }
      if (rng.chance(0.12)) {
        const s = inside(start, end, 0.5, 0.3);
        if (s) emit(TEMPLATES.andenAktoer, p.cpr, s[0], s[1]);
      }
    } else if (status === 'sygedagpenge' && rng.chance(0.08)) {
      const s = inside(start, end, 0.2, 0.1);
      if (s) emit(TEMPLATES.virksomhedspraktik, p.cpr, s[0], s[1] ?? today + 28);
    }
  }

  function drawStatus(level: Level, age: number): Status {
    let x = rng.next();
    for (const [status, probability] of STATUS_BY_LEVEL[level]) {
      x -= probability * ageFactor(status, age);
      if (x < 0) return status;
    }
    return 'none';
  }

  /** Past episodes going back from `cursor` until the history window or age 18. */
  function history(p: Member, cursor: number): void {
    const adultFrom = age18Cutoff(p.birth);
    let t = cursor;
    for (let n = 0; n < 10; n++) {
      const end = t - days(rng.exp(GAP_YEARS[p.level]));
      if (end < historyStart || end < adultFrom) return;
      let status = PAST_TYPES[p.level].pick(rng);
      if (status === 'overgangsydelse' && end >= REFORM_2025) status = 'kontanthjaelp';
      let duration = days(rng.exp(meanDurationYears(status, p.level)));
      if (status === 'dagpenge') duration = Math.min(duration, days(2));
      if (status === 'sygedagpenge') duration = Math.max(duration, 30);
      const start = Math.max(adultFrom, end - duration);
      emitEpisode(status, p, start, end);
      t = start;
    }
  }

  function socialIntervention(p: Member, kind: 'complex' | 'disability' | 'other', running: boolean): void {
    const key = SOCIAL_TYPES[kind].pick(rng);
    const template = TEMPLATES[key];
    const adultFrom = age18Cutoff(p.birth);
    const longStay = key === 'sel108' || key === 'botilbudslignende';
    if (running) {
      const start = Math.max(adultFrom, today - days(rng.exp(longStay ? 7 : 2.2)));
      const end = longStay || rng.chance(0.8) ? null : today + rng.range(14, 365);
      emit(template, p.cpr, start, end, rng.int(template.titles.length));
    } else {
      const end = today - 1 - rng.int(Math.max(1, today - historyStart));
      const start = Math.max(adultFrom, end - days(rng.exp(longStay ? 3 : 1)));
      if (start <= end) emit(template, p.cpr, start, end, rng.int(template.titles.length));
    }
  }

  function poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = rng.next();
    while (product > limit) {
      k++;
      product *= rng.next();
    }
    return k;
  }

  // ---- adults ------------------------------------------------------------------

  function adultRecords(p: Member): void {
    const adultFrom = age18Cutoff(p.birth);
    const pensionStart = firstOfNextMonth(pensionDay(p.birth));
    let status: Status = 'none';
    if (pensionStart <= today) {
      if (rng.chance(0.99)) emit(TEMPLATES.folkepension, p.cpr, pensionStart, null);
      if (p.level > 0 && rng.chance(p.level === 2 ? 0.5 : 0.3)) {
        const fpStart = Math.max(adultFrom, pensionStart - days(3 + rng.next() * 22));
        emit(TEMPLATES.foertidspension, p.cpr, fpStart, pensionStart - 1);
      } else if (pensionStart - 1 > historyStart) {
        history(p, pensionStart - 1);
      }
    } else {
      status = drawStatus(p.level, p.age);
      let cursor = today;
      if (status !== 'none') {
        let elapsed =
          status === 'foertidspension'
            ? days(rng.next() * Math.min(25, Math.max(0.5, p.age - 20)))
            : days(rng.exp(meanDurationYears(status, p.level) * (status === 'dagpenge' ? 1 : 0.9)));
        if (status === 'dagpenge') elapsed = Math.min(elapsed, days(2) - 1);
        let start = Math.max(adultFrom, today - elapsed);
        if ((status === 'ressourceforloeb' || status === 'revalidering') && start > NO_NEW_RESSOURCEFORLOEB_AFTER) {
          start = Math.max(adultFrom, NO_NEW_RESSOURCEFORLOEB_AFTER - rng.int(180));
        }
        if (status === 'overgangsydelse' && start >= REFORM_2025) status = 'kontanthjaelp';
        // ressourceforløb run 1–5 years: half have a planned end
        const end = status === 'ressourceforloeb' && rng.chance(0.5) ? Math.max(today + 1, start + days(rng.range(1, 5))) : null;
        emitEpisode(status, p, start, end);
        cursor = start - 1;
      }
      if (status !== 'foertidspension' || rng.chance(0.5)) history(p, cursor);
    }

    // social interventions (serviceloven, substance abuse)
    const onKeyBenefit = status !== 'none' && status !== 'dagpenge' && status !== 'fleksjob' && status !== 'foertidspension';
    const disabilityRoute = status === 'foertidspension' || status === 'fleksjob' || p.age >= 67;
    let pRunning: number;
    if (p.level === 2) pRunning = onKeyBenefit ? 0.5 : 0.45;
    else if (p.level === 1) pRunning = disabilityRoute ? 0.09 : 0.065;
    else pRunning = p.age >= 67 ? 0.005 : 0.006;
    if (rng.chance(pRunning)) {
      socialIntervention(p, p.level === 0 ? 'other' : disabilityRoute && p.level === 1 ? 'disability' : 'complex', true);
      if (p.level === 2 && rng.chance(0.2)) socialIntervention(p, 'complex', true);
    }
    const pastSocial = poisson(p.level === 2 ? 0.9 : p.level === 1 ? 0.15 : 0.01);
    for (let i = 0; i < pastSocial; i++) socialIntervention(p, p.level === 0 ? 'other' : 'complex', false);

    // the most vulnerable: homelessness (SEL § 99 outreach, § 110 shelter, housing referral)
    if (p.level === 2 && p.age >= 20 && p.age < 67 && rng.chance(0.08)) {
      const outreachStart = today - days(0.3 + rng.next() * 3);
      const outreachEnd = Math.min(today - 1, outreachStart + days(rng.exp(0.5)));
      emit(TEMPLATES.sel99, p.cpr, outreachStart, outreachEnd);
      const shelterStart = outreachEnd + 1;
      const shelterEnd = rng.chance(0.5) ? null : Math.min(today - 1, shelterStart + days(rng.exp(0.4)));
      emit(TEMPLATES.sel110, p.cpr, shelterStart, shelterEnd !== null && shelterEnd < shelterStart ? null : shelterEnd);
      if (rng.chance(0.4)) emit(TEMPLATES.boliganvisning, p.cpr, Math.max(shelterStart, today - rng.int(200)), null);
    } else if (p.level >= 1 && rng.chance(0.01)) {
      const start = today - rng.range(30, days(3));
      emit(TEMPLATES.boliganvisning, p.cpr, start, Math.min(today - 1, start + rng.range(30, 200)));
    }

    // psychiatry (regional treatment plan)
    const pPsych = p.level === 2 ? 0.2 : p.level === 1 ? 0.025 : 0.0018;
    if (p.age < 80 && rng.chance(pPsych)) {
      const start = Math.max(adultFrom, today - days(rng.exp(2)));
      emit(TEMPLATES.psykiatriskPlan, p.cpr, start, rng.chance(0.85) ? null : today + rng.range(30, 300), rng.int(2));
    }
    if (p.age < 80 && rng.chance(pPsych * 0.8)) {
      const end = today - 1 - rng.int(Math.max(1, today - historyStart));
      const start = Math.max(adultFrom, end - days(rng.exp(1.2)));
      if (start <= end) emit(TEMPLATES.psykiatriskPlan, p.cpr, start, end);
    }

    // health: psychologist on referral (episodes), free physiotherapy, aids
    const psychologist = poisson((p.level === 0 ? 0.012 : 0.04) * opts.historyYears);
    for (let i = 0; i < psychologist; i++) {
      const start = today - rng.int(Math.max(1, today - historyStart)) - 60;
      if (start < adultFrom) continue;
      const end = start + rng.range(60, 200);
      emit(TEMPLATES.psykologbehandling, p.cpr, start, end >= today ? (rng.chance(0.5) ? null : end) : end);
    }
    const pPhysio = p.age >= 67 ? 0.02 : p.level === 1 ? 0.02 : p.level === 2 ? 0.01 : 0.003;
    if (rng.chance(pPhysio)) emit(TEMPLATES.vederlagsfriFysioterapi, p.cpr, Math.max(adultFrom, today - days(rng.exp(3))), null);
    const pAids = p.age >= 90 ? 0.45 : p.age >= 80 ? 0.25 : p.age >= 67 ? 0.08 : p.level === 1 ? 0.03 : 0.002;
    if (rng.chance(pAids)) {
      const variant = p.age >= 67 ? rng.int(2) : rng.int(3);
      emit(TEMPLATES.hjaelpemidlerVoksen, p.cpr, Math.max(adultFrom, today - days(rng.exp(p.age >= 67 ? 3 : 6))), null, variant);
    }

    // KUI history from the teens (uddannelsesplan / UU guidance at 15–17) for today's 18–27-year-olds
    if (p.age <= 27 && rng.chance(p.level > 0 ? 0.3 : 0.08)) {
      const start = addYears(p.birth, 15) + rng.int(days(2));
      const end = Math.min(today - 1, start + days(0.5 + rng.next() * 1.5));
      emit(rng.chance(0.6) ? TEMPLATES.uddannelsesplan : TEMPLATES.uuVejledning, p.cpr, start, end);
    }

    // young adults without education: KUI (kommunal ungeindsats) up to 25
    if (p.age < 25 && (p.level > 0 || status === 'kontanthjaelp') && rng.chance(0.4)) {
      const start = Math.max(adultFrom - days(1), today - days(rng.exp(1.5)));
      emit(TEMPLATES.uddannelsesplan, p.cpr, start, null);
      if (rng.chance(0.5)) emit(TEMPLATES.uuVejledning, p.cpr, start + rng.int(60), null, 0);
    }
  }

  // ---- children ----------------------------------------------------------------

  interface FamilyMeasures {
    familyTreatment: [number, number | null] | null;
    investigation: [number, number] | null;
  }

  function familyMeasures(level: Level): FamilyMeasures {
    const pFamily = level === 2 ? 0.3 : level === 1 ? 0.08 : 0.009;
    let familyTreatment: [number, number | null] | null = null;
    let investigation: [number, number] | null = null;
    if (rng.chance(pFamily)) {
      const start = today - days(rng.exp(1.2));
      familyTreatment = [start, rng.chance(0.8) ? null : today + rng.range(30, 240)];
      const invEnd = start - 1 - rng.int(30);
      investigation = [invEnd - rng.range(60, 120), invEnd];
    } else if (rng.chance(pFamily * 0.8)) {
      // ended earlier, or an investigation that led to nothing
      const end = today - 1 - rng.int(Math.max(1, days(6)));
      const start = end - days(rng.exp(0.8));
      familyTreatment = rng.chance(0.6) ? [start, end] : null;
      investigation = [start - rng.range(60, 120), start - 1];
    }
    return { familyTreatment, investigation };
  }

  function childRecords(c: Member, familyLevel: Level, family: FamilyMeasures, parents: Member[]): void {
    const birth = c.birth;
    const clamp = (day: number): number => Math.max(birth, day);
    if (family.investigation && family.investigation[1] >= birth) {
      emit(TEMPLATES.bl20, c.cpr, clamp(family.investigation[0]), family.investigation[1], rng.int(2));
    }
    if (family.familyTreatment) {
      const [start, end] = family.familyTreatment;
      if (end === null || end >= birth) emit(TEMPLATES.bl32Familiebehandling, c.cpr, clamp(start), end);
    }
    const f = familyLevel;
    if (c.age >= 10 && rng.chance(f === 2 ? 0.15 : f === 1 ? 0.03 : 0.005)) {
      const start = Math.max(addYears(birth, 10), today - days(rng.exp(1.5)));
      emit(TEMPLATES.bl32Kontaktperson, c.cpr, start, rng.chance(0.7) ? null : today + rng.range(30, 365));
    }
    if (rng.chance(f === 2 ? 0.1 : f === 1 ? 0.025 : 0.006)) {
      const start = Math.max(birth + 1, today - days(rng.exp(3)));
      emit(TEMPLATES.bl46Anbringelse, c.cpr, start, null, rng.chance(0.6) ? 0 : 1);
    }
    if (c.age >= 6 && c.age <= 16) {
      if (rng.chance(f === 2 ? 0.25 : f === 1 ? 0.08 : 0.035)) {
        const start = Math.max(addYears(birth, 6), today - days(rng.exp(1)));
        emit(TEMPLATES.ppr, c.cpr, start, rng.chance(0.75) ? null : today + rng.range(30, 200));
      }
      if (rng.chance(f === 2 ? 0.15 : f === 1 ? 0.06 : 0.03)) {
        const start = Math.max(addYears(birth, 6), today - days(rng.exp(1)));
        emit(TEMPLATES.stoetteIUndervisningen, c.cpr, start, null);
      }
    }
    // ended school support (PPR, extra support) earlier in the school years
    if (c.age >= 7 && rng.chance(f === 2 ? 0.2 : f === 1 ? 0.1 : 0.05)) {
      const end = today - 1 - rng.int(Math.max(1, Math.min(today - addYears(birth, 7), days(6))));
      const start = Math.max(addYears(birth, 6), end - days(rng.exp(0.7)));
      if (start <= end) emit(rng.chance(0.6) ? TEMPLATES.ppr : TEMPLATES.stoetteIUndervisningen, c.cpr, start, end);
    }
    if (c.age >= 15) {
      if (rng.chance(f === 2 ? 0.3 : f === 1 ? 0.15 : 0.06)) emit(TEMPLATES.uddannelsesplan, c.cpr, Math.max(addYears(birth, 15), today - days(rng.exp(1))), null);
      if (rng.chance(f === 2 ? 0.25 : f === 1 ? 0.1 : 0.03)) emit(TEMPLATES.uuVejledning, c.cpr, Math.max(addYears(birth, 14), today - days(rng.exp(1))), null);
    }
    // disability (~1.5 %): aids, additional costs, physiotherapy, transport; the parent's lost earnings
    if (rng.chance(0.015)) {
      const from = (years: number): number => Math.max(birth + 30, today - days(Math.min(c.age + 0.1, rng.exp(years))));
      if (rng.chance(0.6)) emit(TEMPLATES.hjaelpemidlerBarn, c.cpr, from(3), null, rng.int(2));
      if (rng.chance(0.5)) emit(TEMPLATES.bl86, c.cpr, from(3), null);
      if (rng.chance(0.5)) emit(TEMPLATES.vederlagsfriFysioterapi, c.cpr, from(3), null);
      if (c.age >= 6 && c.age <= 16 && rng.chance(0.5)) emit(TEMPLATES.specialbefordring, c.cpr, Math.max(addYears(birth, 6), today - days(rng.exp(2))), null);
      const parent = parents[0];
      if (parent && rng.chance(0.15)) emit(TEMPLATES.bl87, parent.cpr, Math.max(birth + 30, today - days(rng.exp(2))), null);
    }
  }

  // ---- households ----------------------------------------------------------------

  function birthFor(age: number): number {
    const latest = addYears(today, -age);
    const earliest = addYears(today, -(age + 1)) + 1;
    return earliest + people.int(latest - earliest + 1);
  }

  function headLevel(draft: { couple: boolean; children: boolean; age: number }): Level {
    let p2 = draft.couple ? 0.006 : draft.children ? 0.035 : 0.022;
    let p1 = draft.couple ? 0.085 : draft.children ? 0.17 : 0.14;
    const a = draft.age;
    const m2 = a < 22 ? 0.6 : a < 55 ? 1.15 : a < 67 ? 0.8 : 0.4;
    const m1 = a < 25 ? 0.6 : a < 40 ? 0.85 : a < 67 ? 1.2 : 0.8;
    p2 *= m2;
    p1 *= m1;
    const x = people.next();
    return x < p2 ? 2 : x < p2 + p1 ? 1 : 0;
  }

  function partnerLevel(head: Level): Level {
    const x = people.next();
    if (head === 2) return x < 0.3 ? 2 : x < 0.7 ? 1 : 0;
    if (head === 1) return x < 0.02 ? 2 : x < 0.3 ? 1 : 0;
    return x < 0.002 ? 2 : x < 0.06 ? 1 : 0;
  }

  const total = opts.citizens;
  let lastProgress = 0;
  while (counts.citizens < total) {
    const draft = drawHousehold(people);
    counts.households++;
    const householdKey = `HH-${String(counts.households).padStart(7, '0')}`;
    const address = addresses.next(people);
    const addressCsv = csvField(address);
    const lastName = drawLastName(people);
    const headLvl = headLevel({ couple: draft.partner !== null, children: draft.children.length > 0, age: draft.head.age });

    const drafts: { draft: PersonDraft; child: boolean; level: Level }[] = [{ draft: draft.head, child: false, level: headLvl }];
    if (draft.partner) drafts.push({ draft: draft.partner, child: false, level: partnerLevel(headLvl) });
    for (const child of draft.children) drafts.push({ draft: child, child: true, level: 0 });
    const room = total - counts.citizens;
    if (drafts.length > room) drafts.length = room;

    const members: Member[] = [];
    const partnerKeepsName = people.chance(0.55);
    const firstNames = new Set<string>();
    for (let i = 0; i < drafts.length; i++) {
      const { draft: d, child, level } = drafts[i] as (typeof drafts)[number];
      const allocated = cprs.allocate(birthFor(d.age), d.sex);
      counts.cprDateShifts = cprs.shifts;
      const member: Member = { cpr: allocated.digits, birth: allocated.birth, sex: d.sex, age: ageOn(allocated.birth, today), level, child };
      members.push(member);
      counts.citizens++;
      if (child) counts.children++;
      else counts.adults++;
      const surname = i === 1 && !child && !partnerKeepsName ? drawLastName(people) : lastName;
      const name = drawFullName(people, d.sex, yearOf(member.birth), surname, firstNames);
      const externalId = `C-${String(counts.citizens).padStart(8, '0')}`;
      const birthDate = formatDay(member.birth);
      citizensOut?.push(`${externalId},${member.cpr},${csvField(name)},${birthDate},${d.sex},${householdKey},${addressCsv}\n`);
      if (sinks.onCitizen) {
        const result = sinks.onCitizen({ external_id: externalId, cpr: member.cpr, name, birth_date: birthDate, sex: d.sex, household_key: householdKey, address });
        if (result) pendingHooks.push(result);
      }
    }

    const adults = members.filter((m) => !m.child);
    for (const adult of adults) {
      if (adult.age < 18) throw new Error('generator bug: adult under 18');
      adultRecords(adult);
    }
    const children = members.filter((m) => m.child);
    if (children.length > 0) {
      const familyLevel = adults.reduce<Level>((max, a) => (a.level > max ? a.level : max), 0);
      const family = familyMeasures(familyLevel);
      for (const child of children) childRecords(child, familyLevel, family, adults);
    }

    if (pendingHooks.length > 0) await Promise.all(pendingHooks.splice(0));
    if (writers.some((w) => w.mustWait)) await Promise.all(writers.map((w) => w.settle()));
    if (sinks.onProgress && (counts.citizens - lastProgress >= 50_000 || counts.citizens === total)) {
      lastProgress = counts.citizens;
      sinks.onProgress({ citizens: counts.citizens, records: counts.records, total, seconds: (performance.now() - started) / 1000 });
    }
  }

  const end = sinks.endStreams ?? true;
  await Promise.all(writers.map((w) => w.close(end)));
  return counts;
}
