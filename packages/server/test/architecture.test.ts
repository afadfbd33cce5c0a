import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(__dirname, '../src');
const filesIn = (dir: string) =>
  readdirSync(path.join(src, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));

/**
 * The one choke point (SPEC §9) held by structure: route handlers and
 * services reach personal data only through the gateway's transaction.
 */
describe('architecture: personal data only through the access gateway', () => {
  it('route handlers import no database module', () => {
    for (const file of filesIn('http/routes')) {
      const text = readFileSync(path.join(src, file), 'utf8');
      expect(text, file).not.toMatch(/from '(\.\.\/)+db\//);
      expect(text, file).not.toMatch(/from 'kysely'/);
    }
  });

  it('services never open their own transaction or hold a database handle', () => {
    for (const file of filesIn('services')) {
      const text = readFileSync(path.join(src, file), 'utf8');
      expect(text, file).not.toMatch(/\b(inMunicipality|asSystem|openDatabase)\b/);
      expect(text, file).not.toMatch(/from '\.\.\/db\/database'/);
      expect(text, file).not.toMatch(/Kysely</);
    }
  });

  it('every exported service function runs through gateway.run', () => {
    for (const file of filesIn('services').filter((f) => !/(case-events)\.ts$/.test(f))) {
      const text = readFileSync(path.join(src, file), 'utf8');
      const exported = [...text.matchAll(/export async function (\w+)\(a: Access/g)].map((m) => m[1]);
      for (const name of exported) {
        const body = text.slice(text.indexOf(`export async function ${name}(`));
        const next = body.indexOf('\nexport ', 1);
        expect(body.slice(0, next === -1 ? undefined : next), `${file}: ${name}`).toMatch(/a\.gateway\.(run|administrative)\(/);
      }
    }
  });
});
