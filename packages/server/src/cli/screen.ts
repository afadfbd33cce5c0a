import { isLocalDate, isRuleSetId } from '@helhed/core';
import { readConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { screen } from '../screening/screen';
import { argValue, progressBar, systemAccess } from './system-access';

/**
 * `npm run screen -- --municipality 0999 [--date 2026-11-23] [--rule-set hovedlov-2022]`:
 * screens the whole municipality, with a progress bar, and prints the counts.
 */
const args = process.argv.slice(2);
const code = argValue(args, 'municipality');
const onDate = argValue(args, 'date');
const ruleSetId = argValue(args, 'rule-set');
if (!code || (onDate && !isLocalDate(onDate)) || (ruleSetId && !isRuleSetId(ruleSetId))) {
  console.error('Brug: npm run screen -- --municipality <kode> [--date ÅÅÅÅ-MM-DD] [--rule-set plan-2018|hovedlov-2022|beskaeftigelsesreform-2027]');
  process.exit(2);
}
const database = await openDatabase(readConfig());
try {
  await migrateToLatest(database.db);
  const access = await systemAccess(database.db, code, 'target_group_screening');
  const started = Date.now();
  const summary = await screen(access, { kind: 'municipality' }, { onDate, ruleSetId: ruleSetId as never, onProgress: progressBar('screening') });
  console.log(
    `screening: ${summary.citizens} borgere, regelsæt ${summary.ruleSetId} pr. ${summary.evaluatedOn}: ${summary.mandatory} skal, ${summary.optional} kan, ${summary.changed} ændrede resultater, ${((Date.now() - started) / 1000).toFixed(1)} s (kørsel ${summary.runId})`,
  );
} finally {
  await database.close();
}
