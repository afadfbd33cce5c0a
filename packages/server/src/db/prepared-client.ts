import { createHash } from 'node:crypto';
import pg from 'pg';

/** Most statements one connection keeps prepared; beyond it, new texts run unprepared (shapes such as `in ($1 … $n)` vary). */
const PREPARED_PER_CONNECTION = 400;
/** Most statement texts whose names are remembered in this process. */
const NAMED_TEXTS = 4000;

const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < NAMED_TEXTS) {
    name = `h${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A PostgreSQL client that runs every statement with parameters as a named
 * prepared statement, so the server parses and plans it once per connection
 * and afterwards only binds and executes — as JDBC drivers do. The app's
 * statements are a fixed set of texts (Kysely compiles the same builder to
 * the same text), run again and again; parsing and planning them was a large
 * part of the database's work per request. Row-level security still applies:
 * PostgreSQL re-plans a prepared statement when the role it was planned for
 * changes, and the municipality is read when a statement runs, not when it
 * is planned. Statements without parameters (begin, commit) stay unnamed.
 */
export class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && typeof callback !== 'function') {
      const name = nameOf(config);
      if (name && (this.prepared.has(name) || this.prepared.size < PREPARED_PER_CONNECTION)) {
        this.prepared.add(name);
        return super.query({ name, text: config, values });
      }
    }
    return super.query(config, values, callback);
  }
}
