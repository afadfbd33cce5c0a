/**
 * `npm run bench:letters [-- --letters 1000 --seed 7]`
 *
 * Renders decision letters to PDF through the product's own code (core's
 * wording, the server's tagged-PDF layout with the embedded font), one after
 * another as a batch would, from varied synthetic letters (3–12 elements,
 * goals, reasoning of different lengths, combined and per-sector letters).
 * Times each letter's PDF, and separately the MeMo wrapping. Target
 * (SPEC §7.1): < 150 ms per letter, 1 000 letters in < 60 s. Last line:
 *   letters: <n> letters, <seconds> s, p95 <ms> ms
 */
import { availableParallelism, loadavg } from 'node:os';
import { DecisionLetterSchema, sampleDecisionLetter, type DecisionLetter, type DecisionLetterElement, type Sector } from '@helhed/core';
import { buildMemoMessage } from '../packages/server/src/letters/memo';
import { renderDecisionLetterPdf } from '../packages/server/src/letters/pdf';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const LETTERS = Number(opt('letters', '1000'));
const SEED = Number(opt('seed', '7'));
if (!Number.isInteger(LETTERS) || LETTERS < 1 || !Number.isInteger(SEED)) {
  console.error('Brug: npm run bench:letters -- [--letters 1000] [--seed 7]');
  process.exit(2);
}

/** mulberry32: a small seeded generator, so every run renders the same letters. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(SEED);
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
const uuid = () => {
  const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const CATALOGUE: { sector: Sector; title: string; law: string; section: string; route: 'ankestyrelsen' | 'health' | 'none' }[] = [
  { sector: 'adult_social', title: 'Socialpædagogisk støtte, {n} timer om ugen', law: 'Serviceloven', section: '§ 85', route: 'ankestyrelsen' },
  { sector: 'adult_social', title: 'Bostøtte i eget hjem, {n} timer om ugen', law: 'Serviceloven', section: '§ 82 b', route: 'ankestyrelsen' },
  { sector: 'adult_social', title: 'Midlertidigt botilbud', law: 'Serviceloven', section: '§ 107', route: 'ankestyrelsen' },
  { sector: 'employment', title: 'Mentor, {n} timer om ugen', law: 'Lov om en aktiv beskæftigelsesindsats', section: '§ 167', route: 'ankestyrelsen' },
  { sector: 'employment', title: 'Virksomhedspraktik, {n} uger', law: 'Lov om en aktiv beskæftigelsesindsats', section: '§ 42', route: 'ankestyrelsen' },
  { sector: 'employment', title: 'Jobrettet forløb hos anden aktør, {n} uger', law: 'Lov om en aktiv beskæftigelsesindsats', section: '§ 91', route: 'ankestyrelsen' },
  { sector: 'children_family', title: 'Familiebehandling, {n} timer om ugen', law: 'Barnets lov', section: '§ 32, stk. 1, nr. 2', route: 'ankestyrelsen' },
  { sector: 'health', title: 'Ambulant alkoholbehandling, {n} samtaler', law: 'Sundhedsloven', section: '§ 141', route: 'health' },
  { sector: 'health', title: 'Stofmisbrugsbehandling', law: 'Serviceloven', section: '§ 101', route: 'health' },
  { sector: 'education', title: 'Vurdering af målgruppe for FGU', law: 'Lov om forberedende grunduddannelse', section: '§ 2', route: 'none' },
  { sector: 'main_law', title: 'Du er i målgruppen for en helhedsorienteret indsats', law: 'Lov om en helhedsorienteret indsats', section: '(bestemmelsen om målgruppen)', route: 'none' },
];
const SENTENCES = [
  'Du har fortalt os, at det er svært at få hverdagen til at hænge sammen.',
  'Vi har lagt vægt på dine egne mål og på det, dine kontaktpersoner har skrevet.',
  'Støtten skal hjælpe dig med at holde fast i de aftaler, du selv har lavet.',
  'Vi følger op sammen med dig efter tre måneder og justerer, hvis det er nødvendigt.',
  'Din læge har beskrevet, at du har brug for ro og faste rammer.',
  'Det er vigtigt for os, at hjælpen ikke ligger samme dag som dine andre aftaler.',
  'Vi vurderer, at du kan komme tættere på arbejdsmarkedet med den rette støtte.',
];
const text = (min: number, max: number) => Array.from({ length: int(min, max) }, () => pick(SENTENCES)).join(' ');
const FIRST = ['Lotte', 'Sanne', 'David', 'Martin', 'Kenneth', 'Natasja', 'Søren', 'Åse', 'Ølvin', 'Ærø'];
const LAST = ['Frederiksen', 'Jensen', 'Nielsen', 'Sørensen', 'Kjærgaard', 'Østergaard', 'Holm'];

function syntheticLetter(i: number): DecisionLetter {
  const base = sampleDecisionLetter();
  const n = int(3, 12);
  const elements: DecisionLetterElement[] = Array.from({ length: n }, () => {
    const c = pick(CATALOGUE);
    return {
      title: c.title.replace('{n}', String(int(1, 12))),
      sector: c.sector,
      legalBasis: { law: c.law, section: c.section },
      reasoning: text(1, 6),
      appealable: c.route !== 'none',
      complaintRoute: c.route,
      ...(c.route === 'none' ? { nonAppealableReason: 'Vurderingen er en del af sagsbehandlingen og ikke en selvstændig afgørelse.' } : {}),
    };
  });
  // Every tenth letter is one sector's decision under plan-2018.
  const sectorLetter = i % 10 === 9;
  const sector = sectorLetter ? elements[0]!.sector : undefined;
  const kept = sectorLetter ? elements.map((e) => ({ ...e, sector: sector! })) : elements;
  const hasHealth = kept.some((e) => e.complaintRoute === 'health');
  return {
    ...base,
    letterId: uuid(),
    decisionId: uuid(),
    caseId: uuid(),
    recipient: { ...base.recipient, citizenId: uuid(), name: `${pick(FIRST)} ${pick(LAST)}` },
    scope: sectorLetter ? 'sector' : 'combined',
    ...(sector ? { sector } : {}),
    ruleSet: sectorLetter ? { id: 'plan-2018', label: 'Én helhedsorienteret plan (lov nr. 707 af 8. juni 2018)' } : base.ruleSet,
    citizenGoals: Array.from({ length: int(0, 5) }, () => text(1, 2)),
    overallReasoning: `${text(2, 6)}\n\n${text(1, 5)}`,
    elements: kept,
    benefitsNote: sectorLetter ? null : base.benefitsNote,
    complaintGuidance: { ...base.complaintGuidance, healthRoute: hasHealth ? base.complaintGuidance.healthRoute : null },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  // Every synthetic letter is one the decision side could hand over.
  const letters = Array.from({ length: LETTERS }, (_, i) => DecisionLetterSchema.parse(syntheticLetter(i)));
  const elementCounts = letters.map((l) => l.elements.length);
  console.error(`${LETTERS} letters, ${Math.min(...elementCounts)}–${Math.max(...elementCounts)} elements (mean ${(elementCounts.reduce((a, b) => a + b, 0) / LETTERS).toFixed(1)}), seed ${SEED}`);
  const pdfMs: number[] = [];
  const memoMs: number[] = [];
  const cpuMs: number[] = [];
  let bytes = 0;
  const created = new Date('2026-04-07T09:00:00Z');
  const started = performance.now();
  for (const [i, letter] of letters.entries()) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const pdf = await renderDecisionLetterPdf(letter, { createdAt: created });
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    cpuMs.push((c1.user + c1.system) / 1000);
    const memo = buildMemoMessage(letter, pdf, { createdAt: created });
    const t2 = performance.now();
    pdfMs.push(t1 - t0);
    memoMs.push(t2 - t1);
    bytes += pdf.length;
    if (memo.length < pdf.length) throw new Error('MeMo message smaller than its PDF');
    if ((i + 1) % 250 === 0) console.error(`  ${i + 1}/${LETTERS} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const totalS = (performance.now() - started) / 1000;
  const sorted = [...pdfMs].sort((a, b) => a - b);
  const memoSorted = [...memoMs].sort((a, b) => a - b);
  const f = (ms: number) => ms.toFixed(1);
  console.log(`per letter (PDF): first ${f(pdfMs[0]!)} ms, p50 ${f(percentile(sorted, 50))} ms, p95 ${f(percentile(sorted, 95))} ms, p99 ${f(percentile(sorted, 99))} ms, max ${f(sorted[sorted.length - 1]!)} ms`);
  const cpuSorted = [...cpuMs].sort((a, b) => a - b);
  // CPU time tells what a letter costs when the machine is shared (wall time then includes waiting for a core).
  console.log(`per letter (PDF, CPU time of this process): p50 ${f(percentile(cpuSorted, 50))} ms, p95 ${f(percentile(cpuSorted, 95))} ms; load average at end ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  console.log(`per letter (MeMo wrapping): p50 ${f(percentile(memoSorted, 50))} ms, p95 ${f(percentile(memoSorted, 95))} ms`);
  console.log(`mean PDF size ${(bytes / LETTERS / 1024).toFixed(1)} KiB; total ${totalS.toFixed(1)} s for ${LETTERS} (target < 60 s for 1 000, < 150 ms each)`);
  console.log(`letters: ${LETTERS} letters, ${totalS.toFixed(1)} s, p95 ${f(percentile(sorted, 95))} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
