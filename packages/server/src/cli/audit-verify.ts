import { verifyAuditChains } from '../audit/verify-chain';
import { readConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';

/** `npm run audit:verify`: walks every municipality's audit chain; exit code 1 on any problem. */
const config = readConfig();
const database = await openDatabase(config);
try {
  await migrateToLatest(database.db);
  const report = await verifyAuditChains(database.db);
  for (const p of report.problems) console.error(`audit chain problem: municipality ${p.municipalityId} seq ${p.seq}: ${p.problem}`);
  console.log(`audit:verify: ${report.municipalities} municipalities, ${report.records} records, ${report.problems.length} problems`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  await database.close();
}
