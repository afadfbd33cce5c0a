import { sql, type Kysely } from 'kysely';

/**
 * Screening fingerprints are taken over the compact explanation's JSON text
 * as JSON.stringify writes it (`{"v":2,"gates":[…`), not over PostgreSQL's
 * jsonb text (`{"v": 2, "gates": […`): the screening statement builds that
 * text anyway, and printing jsonb again for every candidate was a tenth of a
 * full run. Stored version-2 results get the new fingerprint here, so the
 * next run does not see every candidate as changed. Their ids (gates,
 * routes, criteria, record uuids) never contain ", " or ": ", so removing
 * jsonb's spaces gives the same text. Version-1 results keep theirs: they
 * already differ from anything built now.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await refingerprintVersion2Results(db);
}

export async function refingerprintVersion2Results(db: Kysely<any>): Promise<void> {
  await sql`
    update screening_result
    set fingerprint = md5(classification || '|' || rule_set_id || '|' || coalesce(mandatory_from::text, '') || '|'
      || replace(replace((explanation::jsonb - 'records')::text, ', ', ','), ': ', ':'))
    where explanation::jsonb->>'v' = '2'
  `.execute(db);
}
