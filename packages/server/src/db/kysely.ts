/** Kysely's query helpers for scripts outside the server package (bench/), which cannot resolve the server's dependencies. */
export { sql, type Kysely } from 'kysely';
