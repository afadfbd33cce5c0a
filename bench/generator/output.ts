/**
 * Writing a generated municipality to a directory: citizens.csv, records.csv,
 * optionally records.jsonl, and manifest.json (written last, atomically, so a
 * directory with a matching manifest is complete). The manifest holds only
 * deterministic facts — options, counts, sizes, SHA-256 of the files and of
 * the generator's code — so it is
 * byte-identical across runs as well; timings are printed, not stored.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  GENERATOR_VERSION,
  generateMunicipality,
  resolveOptions,
  type GeneratorCounts,
  type GeneratorOptions,
  type GeneratorProgress,
  type ResolvedOptions,
} from './municipality';

export interface DirectoryOptions extends GeneratorOptions {
  out: string;
  jsonl?: boolean;
  /** regenerate even if a matching manifest exists */
  force?: boolean;
  onProgress?: (progress: GeneratorProgress) => void;
}

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  generator: 'helhed-synthetic-municipality';
  version: number;
  /** SHA-256 over the generator's source (and core's cpr.ts): a code change invalidates old output */
  codeHash: string;
  options: ResolvedOptions & { jsonl: boolean };
  counts: GeneratorCounts;
  files: ManifestFile[];
}

export interface DirectoryResult {
  manifest: Manifest;
  /** true when an existing matching output was reused */
  skipped: boolean;
  seconds: number;
}

const MANIFEST = 'manifest.json';

/** Files whose content decides the output. */
const CODE_FILES = ['catalog.ts', 'dates.ts', 'municipality.ts', 'population.ts', 'prng.ts', '../../packages/core/src/cpr.ts'];

let codeHashCache: string | null = null;
export async function generatorCodeHash(): Promise<string> {
  if (codeHashCache) return codeHashCache;
  const hash = createHash('sha256');
  for (const file of CODE_FILES) {
    hash.update(file);
    hash.update(await readFile(new URL(file, import.meta.url)));
  }
  codeHashCache = hash.digest('hex');
  return codeHashCache;
}

function wantedOptions(opts: DirectoryOptions): Manifest['options'] {
  return { ...resolveOptions(opts), jsonl: opts.jsonl ?? false };
}

/** The manifest in `out`, if it was written by this generator version for these options. */
export async function readMatchingManifest(opts: DirectoryOptions): Promise<Manifest | null> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(opts.out, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  const wanted = wantedOptions(opts);
  if (manifest.version !== GENERATOR_VERSION || manifest.codeHash !== (await generatorCodeHash())) return null;
  if (JSON.stringify(manifest.options) !== JSON.stringify(wanted)) return null;
  return manifest;
}

function fileSink(path: string): { stream: Writable; done: () => Promise<ManifestFile> } {
  const hash = createHash('sha256');
  let bytes = 0;
  const file = createWriteStream(path);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  tap.pipe(file);
  return {
    stream: tap,
    done: async () => {
      await finished(file);
      return { name: path.split('/').pop() as string, bytes, sha256: hash.digest('hex') };
    },
  };
}

/** Generate into `opts.out` unless a matching manifest says it is already there. */
export async function generateToDirectory(opts: DirectoryOptions): Promise<DirectoryResult> {
  const started = performance.now();
  if (!opts.force) {
    const existing = await readMatchingManifest(opts);
    if (existing) return { manifest: existing, skipped: true, seconds: (performance.now() - started) / 1000 };
  }
  await mkdir(opts.out, { recursive: true });
  await rm(join(opts.out, MANIFEST), { force: true });
  const jsonl = opts.jsonl ?? false;
  if (!jsonl) await rm(join(opts.out, 'records.jsonl'), { force: true });

  const citizens = fileSink(join(opts.out, 'citizens.csv'));
  const records = fileSink(join(opts.out, 'records.csv'));
  const recordsJsonl = jsonl ? fileSink(join(opts.out, 'records.jsonl')) : null;
  const counts = await generateMunicipality(opts, {
    citizensCsv: citizens.stream,
    recordsCsv: records.stream,
    ...(recordsJsonl ? { recordsJsonl: recordsJsonl.stream } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const files = [await citizens.done(), await records.done()];
  if (recordsJsonl) files.push(await recordsJsonl.done());

  const manifest: Manifest = {
    generator: 'helhed-synthetic-municipality',
    version: GENERATOR_VERSION,
    codeHash: await generatorCodeHash(),
    options: wantedOptions(opts),
    counts,
    files,
  };
  const tmp = join(opts.out, `${MANIFEST}.tmp`);
  await writeFile(tmp, JSON.stringify(manifest, null, 2) + '\n');
  await rename(tmp, join(opts.out, MANIFEST));
  return { manifest, skipped: false, seconds: (performance.now() - started) / 1000 };
}
