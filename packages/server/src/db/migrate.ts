import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './migrations/0001_foundation';
import * as targetGroup from './migrations/0002_target_group';
import * as assessmentPlan from './migrations/0003_assessment_plan';
import * as visitation from './migrations/0004_visitation';
import * as coordination from './migrations/0005_coordination';
import * as letters from './migrations/0006_letters';
import * as decisions from './migrations/0007_decisions';
import * as screeningInSql from './migrations/0008_screening_in_sql';
import * as letterhead from './migrations/0009_letterhead';
import * as fingerprintText from './migrations/0010_fingerprint_text';
import * as tenantPredicateOnce from './migrations/0011_tenant_predicate_once';
import * as pseudonymKey from './migrations/0012_pseudonym_key';
import * as explanationAsJson from './migrations/0013_explanation_as_json';
import * as municipalSettings from './migrations/0014_municipal_settings';
import * as forumBudgetHistory from './migrations/0015_forum_budget_history';

/** Migrations are listed in code (not read from disk) so one bundle runs everywhere. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_target_group': targetGroup,
  '0003_assessment_plan': assessmentPlan,
  '0004_visitation': visitation,
  '0005_coordination': coordination,
  '0006_letters': letters,
  '0007_decisions': decisions,
  '0008_screening_in_sql': screeningInSql,
  '0009_letterhead': letterhead,
  '0010_fingerprint_text': fingerprintText,
  '0011_tenant_predicate_once': tenantPredicateOnce,
  '0012_pseudonym_key': pseudonymKey,
  '0013_explanation_as_json': explanationAsJson,
  '0014_municipal_settings': municipalSettings,
  '0015_forum_budget_history': forumBudgetHistory,
};

class ListedMigrations implements MigrationProvider {
  async getMigrations() {
    return MIGRATIONS;
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely looks for its migration tables in every schema unless told which one:
  // on a server with several schemas (test workers, or any other app) it would
  // find another schema's tables and fail. Ours live in the connection's schema.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({ db, provider: new ListedMigrations(), migrationTableSchema: rows[0]!.schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
