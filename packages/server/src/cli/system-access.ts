import type { Kysely } from 'kysely';
import type { Access } from '../access/access';
import { systemAccessFor } from '../access/system-access';
import type { DB } from '../db/schema';

/** Access for batch commands run by an operator: the system principal of one municipality, purpose given. */
export async function systemAccess(db: Kysely<DB>, municipalityCode: string, purpose: 'target_group_screening' | 'system' = 'system'): Promise<Access> {
  const m = await db.selectFrom('municipality').select(['id', 'name']).where('code', '=', municipalityCode).executeTakeFirst();
  if (!m) throw new Error(`Kommunen med kode ${municipalityCode} findes ikke i databasen.`);
  return systemAccessFor(db, m.id, `Kommandolinje (${m.name})`, purpose);
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

/** A progress bar on stderr when it is a terminal, plain lines otherwise (CI logs). */
export function progressBar(label: string) {
  let lastLine = 0;
  return (done: number, total: number) => {
    const share = total ? done / total : 1;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total}`);
      if (done >= total) process.stderr.write('\n');
    } else if (Date.now() - lastLine > 1000 || done >= total) {
      lastLine = Date.now();
      process.stderr.write(`${label}: ${(share * 100).toFixed(0)}% (${done}/${total})\n`);
    }
  };
}
