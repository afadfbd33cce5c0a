import { readConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { releaseOrphanedClaims, runOutboxOnce } from '../letters/outbox';
import { readOutboxConfig, transportFor } from '../letters/outbox-runtime';

/**
 * `npm run outbox -- --once`: delivers every letter due now through the
 * file-drop transport (HELHED_OUTBOX_DIR) and exits; prints what happened.
 * Without --once it keeps delivering until stopped (Ctrl-C).
 * On PGlite run it only while the server is stopped: the data directory has
 * one process at a time (the server delivers with its own worker).
 */
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--once');
if (unknown.length > 0) {
  console.error('Brug: npm run outbox -- [--once]');
  process.exit(2);
}
const once = args.includes('--once');
const config = readOutboxConfig();
const database = await openDatabase(readConfig());
const transport = transportFor(config);
try {
  await migrateToLatest(database.db);
  await transport.sweepTemporaryFiles();
  if (database.kind === 'pglite') await releaseOrphanedClaims(database.db, new Date());
  for (;;) {
    const s = await runOutboxOnce(database.db, transport, {
      policy: config.policy,
      onOutcome: (o) => console.error(o.kind === 'delivered' ? `afsendt ${o.messageUuid}${o.alreadyDelivered ? ' (var allerede afleveret)' : ''}` : `${o.kind === 'retry' ? 'prøves igen' : 'opgivet'} ${o.messageUuid}: ${o.error}`),
    });
    console.log(`outbox: ${s.delivered} afsendt, ${s.retried} prøves igen senere, ${s.failed} opgivet (${config.directory})`);
    if (once) break;
    await new Promise((r) => setTimeout(r, config.intervalMs));
  }
} finally {
  await database.close();
}
