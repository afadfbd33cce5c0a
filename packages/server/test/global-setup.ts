import pg from 'pg';

/**
 * On PostgreSQL every test worker migrates a private schema; this drops them
 * before (leftovers of a killed run) and after the run.
 */
async function dropTestSchemas() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'helhed\\_test\\_%'`);
    for (const r of rows) await client.query(`drop schema "${r.nspname}" cascade`);
  } finally {
    await client.end();
  }
}

export async function setup() {
  await dropTestSchemas();
  return dropTestSchemas;
}
