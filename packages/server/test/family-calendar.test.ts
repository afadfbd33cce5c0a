import { beforeAll, describe, expect, it } from 'vitest';
import { findCitizen, freshMunicipality, loginEmployee, startHarness, type Client, type Harness } from './support/harness';

/**
 * The family calendar and the family plan read one family: the plan's
 * (same household, children and parents, also a child living elsewhere).
 * Martin (141290-1007, jonas) is linked as the father of Ida (200409-4016),
 * who lives with her mother.
 */
describe('the family calendar follows the plan’s family links', () => {
  let h: Harness;
  let jonas: Client;
  let martin: Awaited<ReturnType<typeof findCitizen>>;
  let ida: Awaited<ReturnType<typeof findCitizen>>;

  beforeAll(async () => {
    h = await startHarness();
    const { code } = await freshMunicipality();
    jonas = await loginEmployee(h.app, 'jonas', code);
    martin = await findCitizen(jonas, '141290-1007');
    ida = await findCitizen(jonas, '200409-4016');
  });

  it('before the link Ida is not in Martin’s family calendar, and asking for her is refused', async () => {
    const family = (await jonas.get(`/api/cases/${martin.openCaseId}/calendar?scope=family`)).json();
    expect(family.citizens.map((c: any) => c.id)).not.toContain(ida.id);
    const refused = await jonas.get(`/api/cases/${martin.openCaseId}/calendar?scope=family&citizenIds=${ida.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toMatch(/not-in-household/);
  });

  it('linked as his child in the plan’s family, she is in the family calendar and in the family list alike', async () => {
    const linked = await jonas.post(`/api/cases/${martin.openCaseId}/family/children`, { childCitizenId: ida.id, sameHousehold: false });
    expect(linked.statusCode, linked.body).toBe(200);
    const familyIds = linked.json().members.map((m: any) => m.citizenId);
    const calendar = await jonas.get(`/api/cases/${martin.openCaseId}/calendar?scope=family`);
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(calendar.json().citizens.map((c: any) => c.id)).toEqual([martin.id, ...familyIds]);
    const onlyIda = await jonas.get(`/api/cases/${martin.openCaseId}/calendar?scope=family&citizenIds=${ida.id}`);
    expect(onlyIda.statusCode, onlyIda.body).toBe(200);
    expect(onlyIda.json().citizens.map((c: any) => c.id).sort()).toEqual([martin.id, ida.id].sort());
  });
});
