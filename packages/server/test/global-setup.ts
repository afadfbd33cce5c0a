import pg from 'pg';

/**
 * On PostgreSQL every test worker migrates a private schema named
 * helhed_test_<run pid>_<worker pid>_<random>. This drops the schemas of this
 * run at its end, and leftovers of runs whose process is gone (a killed run)
 * at its start — never those of another run still going on the same server.
 */
const RUN = String(process.pid);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function dropSchemas(which: (runPid: number) => boolean) {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'helhed\\_test\\_%'`);
    for (const r of rows) {
      const runPid = Number(r.nspname.split('_')[2]);
      if (Number.isInteger(runPid) && which(runPid)) await client.query(`drop schema if exists "${r.nspname}" cascade`);
    }
  } finally {
    await client.end();
  }
}

export async function setup() {
  process.env.HELHED_TEST_RUN = RUN;
  await dropSchemas((runPid) => runPid !== process.pid && !isRunning(runPid));
  return () => dropSchemas((runPid) => runPid === process.pid);
}
