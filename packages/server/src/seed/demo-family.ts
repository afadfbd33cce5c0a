/**
 * Parent/child links of the demo municipality (issue 4, family plan). Parents
 * and children who share a household in the demo data are linked by their
 * household roles; parents who live elsewhere are listed here (SPEC §6:
 * David is divorced from Sanne and is the father of Lukas and Mille).
 * Everything is synthetic.
 */
import type { Tx } from '../db/transactions';
import type { DemoMunicipality } from './demo-types';

/** Parents living in another household than their children, by the children's and parent's demo keys. */
export const PARENTS_ELSEWHERE: readonly { parentKey: string; childKeys: readonly string[] }[] = [
  { parentKey: 'david', childKeys: ['lukas', 'mille'] },
];

export async function loadDemoFamilies(tx: Tx, municipalityId: string, data: DemoMunicipality, idOf: (key: string) => string, now: Date): Promise<void> {
  const rows: { parent: string; child: string; same: boolean }[] = [];
  const byHousehold = new Map<string, { parents: string[]; children: string[] }>();
  for (const c of data.citizens) {
    if (!c.householdKey) continue;
    const h = byHousehold.get(c.householdKey) ?? { parents: [], children: [] };
    if (c.householdRole === 'parent') h.parents.push(c.key);
    if (c.householdRole === 'child') h.children.push(c.key);
    byHousehold.set(c.householdKey, h);
  }
  for (const h of byHousehold.values()) for (const p of h.parents) for (const c of h.children) rows.push({ parent: p, child: c, same: true });
  const keys = new Set(data.citizens.map((c) => c.key));
  for (const p of PARENTS_ELSEWHERE) {
    for (const c of p.childKeys) if (keys.has(p.parentKey) && keys.has(c)) rows.push({ parent: p.parentKey, child: c, same: false });
  }
  if (rows.length === 0) return;
  await tx
    .insertInto('family_relation')
    .values(
      rows.map((r) => ({
        municipality_id: municipalityId,
        parent_citizen_id: idOf(`citizen:${r.parent}`),
        child_citizen_id: idOf(`citizen:${r.child}`),
        same_household: r.same,
        created_at: now,
      })),
    )
    .execute();
}
