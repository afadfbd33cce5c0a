/**
 * Self-check of the generator:
 *   node --import tsx bench/generator/self-check.ts [--citizens 5000] [--seed 42]
 *
 * Generates the municipality twice with the same seed and checks that the
 * output is byte-identical (and differs for another seed); then reads the
 * files back and checks unique CPR numbers (that decode to the stated birth
 * date and sex), valid dates, start ≤ end, closed vocabularies, unique
 * external ids per source system, and that every record belongs to a citizen.
 * Finally prints the shares the generator aims at, and the share of adults
 * meeting SPEC §5's mandatory criteria on the reference date (2026-11-23):
 * age ≥ 25, an active min_plan, one listed benefit and one listed social
 * intervention (also with the folkepensionsalder gate). Exit code 1 on failure.
 */
import { SECTORS, parseCpr } from '@helhed/core';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { MANDATORY_BENEFIT_CODES, MANDATORY_SOCIAL_CODES } from './catalog';
import { ageOn, parseDay, pensionDay } from './dates';
import { CITIZENS_HEADER, RECORDS_HEADER } from './municipality';
import { generateToDirectory } from './output';

const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '42' },
    today: { type: 'string', default: '2026-11-23' },
    keep: { type: 'boolean', default: false },
  },
});
const citizens = Number(values.citizens);
const seed = Number(values.seed);
const todayText = values.today;
const today = parseDay(todayText);

const failures: string[] = [];
function check(ok: boolean, message: string): void {
  if (!ok) failures.push(message);
}

/** RFC 4180 line split (fields may be quoted; no embedded newlines in our data). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote: ${line}`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

async function* lines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(2)} %`);

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), 'helhed-gen-'));
  const dirA = join(base, 'a');
  const dirB = join(base, 'b');
  const dirC = join(base, 'c');
  try {
    const opts = { citizens, seed, today: todayText, jsonl: true, force: true };
    const a = await generateToDirectory({ ...opts, out: dirA });
    const b = await generateToDirectory({ ...opts, out: dirB });
    await generateToDirectory({ ...opts, seed: seed + 1, out: dirC });
    process.stdout.write(
      `generated ${a.manifest.counts.citizens} citizens, ${a.manifest.counts.records} records (${a.seconds.toFixed(2)} s; again ${b.seconds.toFixed(2)} s)\n`,
    );
    for (const name of ['citizens.csv', 'records.csv', 'records.jsonl', 'manifest.json']) {
      const [x, y] = await Promise.all([readFile(join(dirA, name)), readFile(join(dirB, name))]);
      check(x.equals(y), `${name} differs between two runs with the same seed`);
    }
    const [r1, r3] = await Promise.all([readFile(join(dirA, 'records.csv')), readFile(join(dirC, 'records.csv'))]);
    check(!r1.equals(r3), 'records.csv is the same for a different seed');

    // ---- citizens --------------------------------------------------------------
    interface Citizen {
      birth: number;
      age: number;
      household: string;
    }
    const people = new Map<string, Citizen>();
    const externalIds = new Set<string>();
    let first = true;
    for await (const line of lines(join(dirA, 'citizens.csv'))) {
      if (first) {
        check(line === CITIZENS_HEADER, `citizens.csv header is "${line}"`);
        first = false;
        continue;
      }
      const f = splitCsv(line);
      check(f.length === 7, `citizens.csv: ${f.length} fields: ${line}`);
      const [externalId, cpr, name, birthDate, sex, household, address] = f as [string, string, string, string, string, string, string];
      check(!externalIds.has(externalId), `duplicate citizen external_id ${externalId}`);
      externalIds.add(externalId);
      check(!people.has(cpr), `duplicate CPR ${cpr.slice(0, 6)}-xxxx`);
      const parsed = parseCpr(cpr);
      check(parsed.ok && parsed.cpr.birthDate === birthDate && parsed.cpr.sex === sex, `CPR ${cpr.slice(0, 6)}-xxxx does not decode to ${birthDate}/${sex}`);
      check(name.length > 3 && address.endsWith('9999 Demoby') && household.startsWith('HH-'), `citizen fields: ${line}`);
      const birth = parseDay(birthDate);
      check(birth <= today, `born after today: ${birthDate}`);
      people.set(cpr, { birth, age: ageOn(birth, today), household });
    }

    // ---- records ---------------------------------------------------------------
    interface Rec {
      code: string;
      start: number;
      end: number | null;
    }
    const byCpr = new Map<string, Rec[]>();
    const recordIds = new Set<string>();
    const sectors = new Set<string>(SECTORS);
    let recordCount = 0;
    first = true;
    for await (const line of lines(join(dirA, 'records.csv'))) {
      if (first) {
        check(line === RECORDS_HEADER, `records.csv header is "${line}"`);
        first = false;
        continue;
      }
      recordCount++;
      const f = splitCsv(line);
      if (f.length !== 10) {
        check(false, `records.csv: ${f.length} fields: ${line}`);
        continue;
      }
      const [source, externalId, cpr, kind, sector, code, title, legalBasis, startText, endText] = f as string[] as [
        string, string, string, string, string, string, string, string, string, string,
      ];
      const key = `${source}\u0000${externalId}`;
      check(!recordIds.has(key), `duplicate external_id ${externalId} in ${source}`);
      recordIds.add(key);
      check(people.has(cpr), `record for unknown CPR (${externalId})`);
      check(kind === 'benefit' || kind === 'plan' || kind === 'intervention', `kind ${kind}`);
      check(sectors.has(sector), `sector ${sector}`);
      check(code.length > 0 && title.length > 0 && legalBasis.length > 0, `empty code/title/legal basis (${externalId})`);
      let start = NaN;
      let end: number | null = null;
      try {
        start = parseDay(startText);
        end = endText === '' ? null : parseDay(endText);
      } catch {
        check(false, `bad date in ${externalId}: ${startText} / ${endText}`);
        continue;
      }
      check(end === null || start <= end, `start after end in ${externalId}`);
      check(start <= today, `start in the future in ${externalId}`);
      const person = people.get(cpr);
      if (person) check(start >= person.birth, `record before birth in ${externalId}`);
      let list = byCpr.get(cpr);
      if (!list) byCpr.set(cpr, (list = []));
      list.push({ code, start, end });
    }
    let jsonlCount = 0;
    for await (const line of lines(join(dirA, 'records.jsonl'))) {
      jsonlCount++;
      let keys = '';
      try {
        keys = Object.keys(JSON.parse(line) as Record<string, unknown>).join(',');
      } catch {
        check(false, `records.jsonl line ${jsonlCount} is not JSON`);
      }
      check(keys === RECORDS_HEADER, `records.jsonl line ${jsonlCount}: keys differ from the CSV columns`);
    }
    check(jsonlCount === recordCount, `records.jsonl has ${jsonlCount} lines, records.csv ${recordCount}`);

    // ---- shares ------------------------------------------------------------------
    const active = (r: Rec): boolean => r.start <= today && (r.end === null || r.end >= today);
    const activeCodes = (cpr: string): Set<string> => new Set((byCpr.get(cpr) ?? []).filter(active).map((r) => r.code));
    const benefitCodes = new Set(MANDATORY_BENEFIT_CODES);
    const socialCodes = new Set(MANDATORY_SOCIAL_CODES);

    let n = 0, children = 0, over66 = 0, adults = 0, working = 0;
    const workingActive = new Map<string, number>();
    const adultActive = new Map<string, number>();
    const childActive = new Map<string, number>();
    let mandatory = 0, mandatoryWithPensionGate = 0, psychAndPlan = 0, fleksOrFp = 0, childrenOfMandatory = 0;
    const mandatoryHouseholds = new Set<string>();
    const childHouseholds: string[] = [];
    for (const [cpr, person] of people) {
      n++;
      const codes = activeCodes(cpr);
      if (person.age < 18) {
        children++;
        childHouseholds.push(person.household);
        for (const code of codes) childActive.set(code, (childActive.get(code) ?? 0) + 1);
        continue;
      }
      adults++;
      if (person.age >= 67) over66++;
      for (const code of codes) adultActive.set(code, (adultActive.get(code) ?? 0) + 1);
      if (person.age <= 64) {
        working++;
        for (const code of codes) workingActive.set(code, (workingActive.get(code) ?? 0) + 1);
      }
      const hasPlan = codes.has('min_plan');
      const hasBenefit = [...codes].some((code) => benefitCodes.has(code));
      const hasSocial = [...codes].some((code) => socialCodes.has(code));
      if (person.age >= 25 && hasPlan && hasBenefit && hasSocial) {
        mandatory++;
        if (today < pensionDay(person.birth)) {
          mandatoryWithPensionGate++;
          mandatoryHouseholds.add(person.household);
        }
      }
      const belowPension = today < pensionDay(person.birth);
      if (belowPension && codes.has('psykiatrisk_behandlingsplan') && hasPlan) psychAndPlan++;
      if (belowPension && (codes.has('fleksjob') || codes.has('foertidspension'))) fleksOrFp++;
    }
    for (const household of childHouseholds) if (mandatoryHouseholds.has(household)) childrenOfMandatory++;

    const row = (label: string, count: number, of: number, target: string): string =>
      `  ${label.padEnd(44)} ${String(count).padStart(7)}  ${pct(count, of).padStart(8)}   ${target}\n`;
    let out = '\npopulation\n';
    out += row('citizens', n, n, '');
    out += row('0–17', children, n, 'target ~20 %');
    out += row('67+', over66, n, 'target ~18 %');
    out += row('households (avg size ' + (n / new Set([...people.values()].map((p) => p.household)).size).toFixed(2) + ')', 0, 0, 'Copenhagen ~1.9, DK ~2.1');
    out += 'active on ' + todayText + ', share of 18–64\n';
    const w = (code: string): number => workingActive.get(code) ?? 0;
    out += row('kontanthjælp + uddannelseshjælp', w('kontanthjaelp') + w('uddannelseshjaelp'), working, 'target 3–4 %');
    out += row('sygedagpenge', w('sygedagpenge'), working, 'target ~2 %');
    out += row('fleksjob', w('fleksjob'), working, 'target ~1.5 %');
    out += row('ledighedsydelse', w('ledighedsydelse'), working, '~0.3 %');
    out += row('førtidspension', w('foertidspension'), working, 'target ~3 %');
    out += row('dagpenge', w('dagpenge'), working, 'target ~3 %');
    out += row('ressourceforløbsydelse', w('ressourceforloebsydelse'), working, '~0.6 %');
    out += row('revalideringsydelse', w('revalideringsydelse'), working, 'small');
    out += row('min_plan', w('min_plan'), working, 'most on benefits');
    out += 'active, share of adults (18+)\n';
    const ad = (code: string): number => adultActive.get(code) ?? 0;
    out += row('sel_85', ad('sel_85'), adults, 'target ~1 %');
    out += row('sel_101', ad('sel_101'), adults, 'target ~0.5 %');
    out += row('sundhedsloven_141', ad('sundhedsloven_141'), adults, '');
    out += row('sel_107 + sel_108 + sel_108a', ad('sel_107') + ad('sel_108') + ad('sel_108a'), adults, 'small');
    out += row('botilbudslignende', ad('botilbudslignende'), adults, 'small');
    out += row('psykiatrisk_behandlingsplan', ad('psykiatrisk_behandlingsplan'), adults, 'target ~0.5 %');
    out += row('folkepension', ad('folkepension'), adults, '');
    out += 'active, share of children (0–17)\n';
    const ch = (code: string): number => childActive.get(code) ?? 0;
    out += row('bl_32 (familiebehandling or kontaktperson)', ch('bl_32_familiebehandling') + ch('bl_32_kontaktperson'), children, '~3 % (overlap)');
    out += row('bl_46_anbringelse', ch('bl_46_anbringelse'), children, '~0.8–1 %');
    out += row('ppr', ch('ppr'), children, '');
    out += 'target group (SPEC §5, hovedlov-2022) on ' + todayText + '\n';
    out += row('MANDATORY: ≥25 + min_plan + benefit + social', mandatory, adults, 'aim 0.2–0.5 % of adults');
    out += row('  … and below folkepensionsalder', mandatoryWithPensionGate, adults, '');
    out += row('  children living with a mandatory parent', childrenOfMandatory, children, 'family obligation');
    out += row('optional: psychiatric plan + min_plan', psychAndPlan, adults, '(before the concrete assessment)');
    out += row('optional: fleksjob or førtidspension', fleksOrFp, adults, '(before the concrete assessment)');
    out += `  national scale: ${Math.round((mandatoryWithPensionGate / adults) * 4_750_000)} of ~4.75 million adults; ` +
      `in a 600 000-citizen municipality: ~${Math.round((mandatoryWithPensionGate / n) * 600_000)}\n`;
    process.stdout.write(out);
  } finally {
    if (!values.keep) await rm(base, { recursive: true, force: true });
    else process.stdout.write(`kept ${base}\n`);
  }
  if (failures.length > 0) {
    process.stdout.write(`\nFAILED (${failures.length}):\n${failures.slice(0, 30).map((f) => `  - ${f}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('\nOK: byte-identical output, unique CPR numbers and external ids, valid dates, start ≤ end\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
