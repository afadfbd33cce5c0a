import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Access } from '../access/access';
import type { Tx } from '../db/transactions';
import { ProblemError } from '../errors';
import { FEED_COLUMNS, OPTIONAL_COLUMNS, validateCitizen, validateSectorRecord, type Feed, type RowError } from './feed-rows';
import { csvRecords, CsvSyntaxError, jsonLines } from './line-reader';
import { raiseNewInformationFromImport } from '../services/new-information';

export type FeedFormat = 'csv' | 'jsonl';

export interface ImportSummary {
  batchId: string;
  feed: Feed;
  status: 'committed' | 'rejected';
  rowsTotal: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** citizens whose records changed: re-screened right after */
  changedCitizenIds: string[];
  errors: { line: number; field: string; message: string; value: string | null }[];
}

const CHUNK = 2000;
const MAX_REPORTED_ERRORS = 10_000;

/**
 * Loads one feed as one batch: every row is validated and staged while the
 * file streams through; then, if no row was bad, all rows are applied in the
 * same transaction — all or nothing. Rows are keyed by (source system,
 * external id): a row seen before with the same content changes nothing, a
 * corrected row replaces its earlier version. A killed import leaves its
 * transaction uncommitted, so nothing of it is applied; its batch row is
 * marked failed at the next start (`markInterruptedImports`).
 */
export async function runImport(a: Access, feed: Feed, format: FeedFormat, input: Readable, filename: string | null = null): Promise<ImportSummary> {
  const batchId = crypto.randomUUID();
  const startedAt = a.ctx.now();
  await a.gateway.administrative(a.ctx, (tx) =>
    tx
      .insertInto('import_batch')
      .values({
        municipality_id: a.ctx.principal.municipalityId,
        id: batchId,
        feed,
        format,
        filename,
        status: 'running',
        started_at: startedAt,
        started_by: a.ctx.principal.id,
      })
      .execute(),
  );
  const digest = createHash('sha256');
  const hashed = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        digest.update(chunk);
        done(null, chunk);
      },
    }),
  );
  input.on('error', (error) => hashed.destroy(error));

  try {
    const summary = await a.gateway.run(
      a.ctx,
      { action: 'import.run', subject: { search: { import: feed, batch: batchId }, resolve: async () => null }, resourceType: 'import_batch', resourceId: batchId },
      async (g) => {
        const errors: ImportSummary['errors'] = [];
        const stage = feed === 'sector_records' ? new SectorStage(g.tx) : new CitizenStage(g.tx);
        await stage.create();
        let rowsTotal = 0;
        for await (const { line, raw } of rowsOf(format, hashed, FEED_COLUMNS[feed], OPTIONAL_COLUMNS[feed], errors)) {
          rowsTotal++;
          if (!raw) continue; // unusable line, already reported
          const result = feed === 'sector_records' ? validateSectorRecord(raw) : validateCitizen(raw);
          if ('errors' in result) addErrors(errors, line, result.errors);
          else await stage.add(line, result.row as never);
        }
        await stage.flush();
        addResolved(errors, await stage.problems());
        if (errors.length > 0) throw new BatchRejected(rowsTotal, errors);
        const applied = await stage.apply(batchId);
        if (feed === 'sector_records') await raiseNewInformationFromImport(g.tx, a.ctx, batchId);
        const summary: ImportSummary = { batchId, feed, status: 'committed', rowsTotal, ...applied, rejected: 0, errors: [] };
        await g.tx
          .updateTable('import_batch')
          .set({
            status: 'committed',
            rows_total: rowsTotal,
            rows_inserted: applied.inserted,
            rows_updated: applied.updated,
            rows_unchanged: applied.unchanged,
            finished_at: a.ctx.now(),
            content_sha256: digest.digest('hex'),
          })
          .where('id', '=', batchId)
          .execute();
        return summary;
      },
    );
    return summary;
  } catch (error) {
    const rejected = error instanceof BatchRejected ? error : null;
    await a.gateway.administrative(a.ctx, async (tx) => {
      await tx
        .updateTable('import_batch')
        .set({
          status: rejected ? 'rejected' : 'failed',
          rows_total: rejected?.rowsTotal ?? 0,
          rows_rejected: rejected ? new Set(rejected.errors.map((e) => e.line)).size : 0,
          finished_at: a.ctx.now(),
          message: rejected
            ? 'Filen er afvist: rettelser er nødvendige i de linjer, fejlrapporten nævner. Intet er indlæst.'
            : 'Indlæsningen fejlede. Intet er indlæst.',
        })
        .where('id', '=', batchId)
        .execute();
      if (rejected) {
        for (let i = 0; i < rejected.errors.length; i += 1000) {
          await tx
            .insertInto('import_error')
            .values(rejected.errors.slice(i, i + 1000).map((e) => ({ municipality_id: a.ctx.principal.municipalityId, batch_id: batchId, ...e })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      }
    });
    if (rejected) {
      const lines = new Set(rejected.errors.map((e) => e.line)).size;
      return { batchId, feed, status: 'rejected', rowsTotal: rejected.rowsTotal, inserted: 0, updated: 0, unchanged: 0, rejected: lines, changedCitizenIds: [], errors: rejected.errors };
    }
    if (error instanceof CsvSyntaxError) {
      throw new ProblemError(400, 'malformed-feed', 'Ugyldig fil', `Linje ${error.line}: ${error.detail} Intet er indlæst.`);
    }
    throw error;
  }
}

/** Interrupted imports (a killed process) applied nothing; say so in their batch rows. */
export async function markInterruptedImports(a: Access): Promise<number> {
  return a.gateway.administrative(a.ctx, async (tx) => {
    const r = await tx
      .updateTable('import_batch')
      .set({ status: 'failed', finished_at: a.ctx.now(), message: 'Indlæsningen blev afbrudt (processen stoppede). Intet er indlæst; indlæs filen igen.' })
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  });
}

class BatchRejected extends Error {
  constructor(
    readonly rowsTotal: number,
    readonly errors: ImportSummary['errors'],
  ) {
    super('batch rejected');
  }
}

function addErrors(errors: ImportSummary['errors'], line: number, rowErrors: RowError[]) {
  for (const e of rowErrors) if (errors.length < MAX_REPORTED_ERRORS) errors.push({ line, ...e });
}
function addResolved(errors: ImportSummary['errors'], problems: { line: number; field: string; message: string }[]) {
  for (const p of problems) if (errors.length < MAX_REPORTED_ERRORS) errors.push({ ...p, value: null });
  errors.sort((x, y) => x.line - y.line || x.field.localeCompare(y.field));
}

async function* rowsOf(
  format: FeedFormat,
  input: Readable,
  columns: readonly string[],
  optional: readonly string[],
  errors: ImportSummary['errors'],
): AsyncGenerator<{ line: number; raw: Record<string, string | undefined> | null }> {
  if (format === 'jsonl') {
    for await (const { line, text } of jsonLines(input)) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        addErrors(errors, line, [{ field: '*', message: 'Linjen er ikke gyldig JSON.', value: null }]);
        yield { line, raw: null };
        continue;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        addErrors(errors, line, [{ field: '*', message: 'Linjen skal være et JSON-objekt.', value: null }]);
        yield { line, raw: null };
        continue;
      }
      const unknown = Object.keys(value).filter((k) => !columns.includes(k));
      if (unknown.length) addErrors(errors, line, unknown.map((k) => ({ field: k, message: 'Ukendt felt.', value: null })));
      const raw: Record<string, string | undefined> = {};
      for (const c of columns) {
        const v = (value as Record<string, unknown>)[c];
        raw[c] = v === null || v === undefined ? undefined : String(v);
      }
      yield { line, raw };
    }
    return;
  }
  let header: string[] | null = null;
  for await (const { line, fields } of csvRecords(input)) {
    if (!header) {
      header = fields.map((f) => f.trim().replace(/^\uFEFF/, ''));
      const missing = columns.filter((c) => !header!.includes(c) && !optional.includes(c));
      const unknown = header.filter((h) => !columns.includes(h));
      if (missing.length || unknown.length) {
        throw new ProblemError(
          422,
          'feed-header',
          'Forkerte kolonner',
          `Filens første linje skal navngive kolonnerne ${columns.join(', ')}.` +
            (missing.length ? ` Mangler: ${missing.join(', ')}.` : '') +
            (unknown.length ? ` Ukendte: ${unknown.join(', ')}.` : '') +
            ' Intet er indlæst.',
        );
      }
      continue;
    }
    if (fields.length !== header.length) {
      addErrors(errors, line, [{ field: '*', message: `Linjen har ${fields.length} felter; der skal være ${header.length}.`, value: null }]);
      yield { line, raw: null };
      continue;
    }
    const raw: Record<string, string | undefined> = {};
    header.forEach((h, i) => (raw[h] = fields[i]));
    yield { line, raw };
  }
}

/** Staging in a temporary table, flushed in chunks, so memory stays flat for any file size. */
abstract class Stage<Row> {
  protected buffer: { line: number; row: Row }[] = [];
  constructor(protected readonly tx: Tx) {}
  abstract create(): Promise<void>;
  protected abstract insert(rows: { line: number; row: Row }[]): Promise<void>;
  abstract problems(): Promise<{ line: number; field: string; message: string }[]>;
  abstract apply(batchId: string): Promise<{ inserted: number; updated: number; unchanged: number; changedCitizenIds: string[] }>;
  async add(line: number, row: Row) {
    this.buffer.push({ line, row });
    if (this.buffer.length >= CHUNK) await this.flush();
  }
  async flush() {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.insert(rows);
  }
}

class SectorStage extends Stage<import('./feed-rows').SectorRecordRow> {
  async create() {
    await sql`
      create temp table import_stage (
        line integer not null, source_system text not null, external_id text not null, cpr text not null,
        kind text not null, sector text not null, code text not null, title text not null, legal_basis text not null,
        start_date date not null, end_date date, content_hash text not null
      ) on commit drop
    `.execute(this.tx);
  }
  protected async insert(rows: { line: number; row: import('./feed-rows').SectorRecordRow }[]) {
    const values = rows.map(
      ({ line, row: r }) =>
        sql`(${line}, ${r.sourceSystem}, ${r.externalId}, ${r.cpr}, ${r.kind}, ${r.sector}, ${r.code}, ${r.title}, ${r.legalBasis}, ${r.start}::date, ${r.end}::date, ${r.hash})`,
    );
    await sql`insert into import_stage values ${sql.join(values)}`.execute(this.tx);
  }
  async problems() {
    const { rows } = await sql<{ line: number; field: string; message: string }>`
      select s.line, 'cpr' as field, 'Borgeren findes ikke i kommunens borgerregister. Indlæs CPR-udtrækket først.' as message
      from import_stage s where not exists (select 1 from citizen c where c.cpr = s.cpr)
      union all
      select s.line, 'external_id', 'Samme external_id optræder flere gange i filen (første gang i linje ' || min(t.line) || ').'
      from import_stage s join import_stage t on t.source_system = s.source_system and t.external_id = s.external_id and t.line < s.line
      group by s.line
    `.execute(this.tx);
    return rows;
  }
  async apply(batchId: string) {
    const { rows } = await sql<{ inserted: number; updated: number; total: number; citizens: string[] | null }>`
      with src as (
        select s.*, c.id as citizen_id from import_stage s join citizen c on c.cpr = s.cpr
      ),
      updated as (
        update sector_record r set
          citizen_id = src.citizen_id, kind = src.kind, sector = src.sector, code = src.code, title = src.title,
          legal_basis = src.legal_basis, start_date = src.start_date, end_date = src.end_date,
          content_hash = src.content_hash, batch_id = ${batchId}
        from src
        where r.source_system = src.source_system and r.external_id = src.external_id and r.content_hash <> src.content_hash
        returning r.citizen_id
      ),
      inserted as (
        insert into sector_record (municipality_id, id, citizen_id, kind, sector, code, title, legal_basis, start_date, end_date, source_system, external_id, content_hash, batch_id)
        select current_setting('helhed.municipality_id')::uuid, gen_random_uuid(), src.citizen_id, src.kind, src.sector, src.code, src.title,
          src.legal_basis, src.start_date, src.end_date, src.source_system, src.external_id, src.content_hash, ${batchId}
        from src
        where not exists (select 1 from sector_record r where r.source_system = src.source_system and r.external_id = src.external_id)
        returning citizen_id
      )
      select (select count(*)::int from inserted) as inserted, (select count(*)::int from updated) as updated,
        (select count(*)::int from src) as total,
        array(select citizen_id from inserted union select citizen_id from updated) as citizens
    `.execute(this.tx);
    const r = rows[0]!;
    return { inserted: r.inserted, updated: r.updated, unchanged: r.total - r.inserted - r.updated, changedCitizenIds: r.citizens ?? [] };
  }
}

class CitizenStage extends Stage<import('./feed-rows').CitizenRow> {
  async create() {
    await sql`
      create temp table import_stage (
        line integer not null, cpr text not null, birth_date date not null, sex text not null,
        name text not null, household_key text, address text not null
      ) on commit drop
    `.execute(this.tx);
  }
  protected async insert(rows: { line: number; row: import('./feed-rows').CitizenRow }[]) {
    const values = rows.map(({ line, row: r }) => sql`(${line}, ${r.cpr}, ${r.birthDate}::date, ${r.sex}, ${r.name}, ${r.householdKey}, ${r.address})`);
    await sql`insert into import_stage values ${sql.join(values)}`.execute(this.tx);
  }
  async problems() {
    const { rows } = await sql<{ line: number; field: string; message: string }>`
      select s.line, 'cpr' as field, 'Samme CPR-nummer optræder flere gange i filen (første gang i linje ' || min(t.line) || ').' as message
      from import_stage s join import_stage t on t.cpr = s.cpr and t.line < s.line
      group by s.line
    `.execute(this.tx);
    return rows;
  }
  async apply() {
    const { rows } = await sql<{ inserted: number; updated: number; total: number }>`
      with households as (
        insert into household (municipality_id, id, key)
        select distinct current_setting('helhed.municipality_id')::uuid, gen_random_uuid(), k.household_key
        from (select distinct household_key from import_stage where household_key is not null) k
        where not exists (select 1 from household h where h.key = k.household_key)
        returning id, key
      ),
      src as (
        select s.*, coalesce(h.id, nh.id) as household_id
        from import_stage s
        left join household h on h.key = s.household_key
        left join households nh on nh.key = s.household_key
      ),
      updated as (
        update citizen c set name = src.name, address = src.address, household_id = src.household_id
        from src
        where c.cpr = src.cpr and (c.name, c.address, c.household_id) is distinct from (src.name, src.address, src.household_id)
        returning c.id
      ),
      inserted as (
        insert into citizen (municipality_id, id, cpr, birth_date, sex, name, address, household_id, registered_at)
        select current_setting('helhed.municipality_id')::uuid, gen_random_uuid(), src.cpr, src.birth_date, src.sex, src.name, src.address, src.household_id, now()
        from src
        where not exists (select 1 from citizen c where c.cpr = src.cpr)
        returning id
      )
      select (select count(*)::int from inserted) as inserted, (select count(*)::int from updated) as updated, (select count(*)::int from src) as total
    `.execute(this.tx);
    const r = rows[0]!;
    return { inserted: r.inserted, updated: r.updated, unchanged: r.total - r.inserted - r.updated, changedCitizenIds: [] };
  }
}
