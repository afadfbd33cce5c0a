import { readConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { buildApp } from './http/app';
import { readOidcConfig } from './identity/oidc-config';
import { demoMunicipality } from './seed/demo-municipality';
import { seedDemoIfEmpty } from './seed/load-demo';
import { markInterruptedWork } from './screening/interrupted';
import { startLetterOutbox } from './letters/outbox-runtime';

/** `npm start`: open the database (PGlite unless DATABASE_URL), migrate, seed the demo on an empty database, serve. */
async function main() {
  const started = Date.now();
  const config = readConfig();
  const oidc = readOidcConfig();
  const database = await openDatabase(config);
  const applied = await migrateToLatest(database.db);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(database.db, demoMunicipality) : null;
  const interrupted = await markInterruptedWork(database.db);
  const app = await buildApp({ config, database, oidc });
  app.log.info(
    { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined, migrations: applied, demoSeeded: seeded !== null, interrupted },
    'database ready',
  );
  let outbox: Awaited<ReturnType<typeof startLetterOutbox>> = null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await outbox?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  outbox = await startLetterOutbox(database, app.log);
  app.log.info({ ms: Date.now() - started, url: `http://localhost:${config.port}` }, 'Helhed is ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
