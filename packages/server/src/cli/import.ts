import { createReadStream } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { runImport } from '../imports/run-import';
import { INCREMENTAL_LIMIT, rescreenChanged } from '../screening/jobs';
import { screen } from '../screening/screen';
import { argValue, progressBar, systemAccess } from './system-access';

/**
 * `npm run import -- --municipality 0999 --feed citizens|sector_records --file feed.csv|feed.jsonl`:
 * loads one feed as one batch (all rows or none) and re-screens what changed.
 */
const args = process.argv.slice(2);
const code = argValue(args, 'municipality');
const feed = argValue(args, 'feed');
const file = argValue(args, 'file');
if (!code || !file || (feed !== 'citizens' && feed !== 'sector_records')) {
  console.error('Brug: npm run import -- --municipality <kode> --feed citizens|sector_records --file <sti.csv|sti.jsonl>');
  process.exit(2);
}
const format = file.endsWith('.jsonl') || file.endsWith('.ndjson') ? 'jsonl' : 'csv';
const database = await openDatabase(readConfig());
try {
  await migrateToLatest(database.db);
  const access = await systemAccess(database.db, code);
  const started = Date.now();
  const summary = await runImport(access, feed, format, createReadStream(file), path.basename(file));
  for (const e of summary.errors.slice(0, 50)) console.error(`linje ${e.line}, ${e.field}: ${e.message}`);
  if (summary.errors.length > 50) console.error(`… ${summary.errors.length - 50} fejl mere (se /api/imports/${summary.batchId}/errors.csv)`);
  console.log(
    `import: ${summary.status === 'committed' ? 'indlæst' : 'AFVIST'} ${summary.rowsTotal} rækker: ${summary.inserted} nye, ${summary.updated} rettede, ${summary.unchanged} uændrede, ${summary.rejected} med fejl, ${((Date.now() - started) / 1000).toFixed(1)} s (batch ${summary.batchId})`,
  );
  if (summary.status === 'committed' && summary.changedCitizenIds.length > 0) {
    // A command waits for its re-screening (a background job would die with it).
    if (summary.changedCitizenIds.length > INCREMENTAL_LIMIT) await screen(access, { kind: 'municipality' }, { onProgress: progressBar('screening') });
    else await rescreenChanged(access, summary.changedCitizenIds);
    console.log(`screening: ${summary.changedCitizenIds.length} borgere med ændrede oplysninger er screenet igen`);
  }
  process.exitCode = summary.status === 'committed' ? 0 : 1;
} finally {
  await database.close();
}
