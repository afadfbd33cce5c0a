/**
 * CLI: generate a synthetic municipality.
 *
 *   node --import tsx bench/generator/generate.ts --citizens 600000 --seed 42 --out bench/data/m600k [--jsonl]
 *        [--today 2026-11-23] [--history-years 13] [--force]
 *
 * Progress goes to stderr; the last line on stdout is the summary.
 * An existing output with a matching manifest is reused unless --force.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateToDirectory } from './output';

export { generateMunicipality, resolveOptions, CITIZENS_HEADER, RECORDS_HEADER } from './municipality';
export type { GeneratorOptions, GeneratorSinks, GeneratorCounts, CitizenRow, RecordRow } from './municipality';
export { generateToDirectory, readMatchingManifest } from './output';
export type { DirectoryOptions, Manifest } from './output';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      citizens: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string' },
      jsonl: { type: 'boolean', default: false },
      today: { type: 'string' },
      'history-years': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help || !values.out) {
    process.stderr.write(
      'usage: node --import tsx bench/generator/generate.ts --citizens N --seed S --out DIR [--jsonl] [--today YYYY-MM-DD] [--history-years N] [--force]\n',
    );
    process.exit(values.help ? 0 : 2);
  }
  const citizens = Number(values.citizens);
  const seed = /^\d+$/.test(values.seed) && Number(values.seed) <= 0xffffffff ? Number(values.seed) : values.seed;
  const result = await generateToDirectory({
    citizens,
    seed,
    out: values.out,
    jsonl: values.jsonl,
    force: values.force,
    ...(values.today ? { today: values.today } : {}),
    ...(values['history-years'] ? { historyYears: Number(values['history-years']) } : {}),
    onProgress: (p) =>
      process.stderr.write(`  ${p.citizens.toLocaleString('en')}/${p.total.toLocaleString('en')} citizens, ${p.records.toLocaleString('en')} records, ${p.seconds.toFixed(1)} s\n`),
  });
  const { counts, files } = result.manifest;
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const fileList = files.map((f) => `${f.name} ${(f.bytes / 1e6).toFixed(1)} MB`).join(', ');
  process.stdout.write(
    `${result.skipped ? 'reused (manifest matches): ' : ''}citizens=${counts.citizens} households=${counts.households} ` +
      `records=${counts.records} seconds=${result.seconds.toFixed(2)} bytes=${bytes} (${fileList}) out=${values.out}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
