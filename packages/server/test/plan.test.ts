import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateBundle } from './support/fhir-r4';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginCitizen, loginEmployee, startHarness, type Client, type Harness } from './support/harness';
import { snapshot } from './support/snapshot';

/**
 * Issue 4 over HTTP: Lotte's assessment with sector-record reuse, her plan
 * in versions with a stale edit refused, follow-up, the family obligation,
 * the FHIR export; Sanne's family; Camilla's treatment plan under consent.
 */
function problem(res: LightMyRequestResponse, status: number, type: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.type).toBe(`https://helhed.dk/problems/${type}`);
  expect(body.detail).toMatch(/[æøåÆØÅ]|\b(ikke|skal|er|kan|mangler)\b/);
  return body as { detail: string; errors?: { path: string; code: string }[] };
}

describe('acceptance: one assessment, one plan (Lotte, Sanne, Camilla)', () => {
  let h: Harness;
  let code: string;
  let municipalityId: string;
  let mette: Client;
  let kim: Client;
  let lotte: { id: string; openCaseId: string | null };
  let caseId: string;
  let interventions: { id: string; title: string; status: string }[];
  let plan: any;

  beforeAll(async () => {
    h = await startHarness();
    ({ code, id: municipalityId } = await freshMunicipality());
    mette = await loginEmployee(h.app, 'mette', code);
    kim = await loginEmployee(h.app, 'kim', code);
    lotte = await findCitizen(mette, '120591-1002');
    caseId = lotte.openCaseId!;
  });

  it('the assessment shows what the sector systems know, by life domain, for confirmation instead of asking again', async () => {
    const empty = (await mette.get(`/api/cases/${caseId}/assessment`)).json();
    expect(empty).toMatchObject({ version: 0, status: 'not_started', statusLabel: 'Ikke påbegyndt' });
    expect(empty.domains).toHaveLength(20);
    const economy = empty.domains.find((d: any) => d.domain === 'economy');
    expect(economy.label).toBe('Økonomi');
    expect(economy.sectorRecords.map((r: any) => r.code)).toEqual(expect.arrayContaining(['kontanthjaelp', 'sygedagpenge']));
    const work = empty.domains.find((d: any) => d.domain === 'education_work');
    expect(work.sectorRecords.map((r: any) => r.code)).toEqual(expect.arrayContaining(['min_plan', 'mentor']));
    expect(economy.sectorRecords.every((r: any) => r.confirmed === null)).toBe(true);

    const saved = await mette.put(`/api/cases/${caseId}/assessment`, {
      version: 0,
      status: 'in_progress',
      citizenGoals: 'Jeg vil have et arbejde igen og have overskud til børnene.',
      domains: [
        { domain: 'economy', citizenWords: 'Regningerne hober sig op.', barriers: 'Gæld', level: 'severe' },
        { domain: 'mental_functions', citizenWords: 'Jeg er træt hele tiden.', resources: 'Psykolog hjælper', level: 'moderate' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, status: 'in_progress', updatedBy: mette.me.name });
    expect(saved.json().domains.find((d: any) => d.domain === 'economy')).toMatchObject({ level: 'severe', levelLabel: 'Svært nedsat', barriers: 'Gæld' });

    const kontanthjaelp = economy.sectorRecords.find((r: any) => r.code === 'kontanthjaelp');
    const confirmed = await mette.post(`/api/cases/${caseId}/assessment/confirmations`, { sectorRecordId: kontanthjaelp.id, note: 'Bekræftet med Lotte' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // The one record shows as confirmed in every domain it informs.
    for (const domain of ['economy', 'education_work']) {
      const r = confirmed.json().domains.find((d: any) => d.domain === domain).sectorRecords.find((x: any) => x.id === kontanthjaelp.id);
      expect(r.confirmed).toMatchObject({ by: mette.me.name, note: 'Bekræftet med Lotte' });
    }

    // A stale save is refused and changes nothing.
    const before = await snapshot(municipalityId);
    problem(await mette.put(`/api/cases/${caseId}/assessment`, { version: 0, status: 'completed', domains: [] }), 409, 'stale-version');
    expect(await snapshot(municipalityId)).toEqual(before);
  });

  it('interventions may start while the assessment is in progress', async () => {
    const res = await mette.post(`/api/cases/${caseId}/interventions`, { title: 'Gældsrådgivning', sector: 'adult_social', legalBasis: 'Serviceloven § 10', status: 'running', startDate: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await mette.get(`/api/cases/${caseId}/assessment`)).json().status).toBe('in_progress');
    interventions = (await mette.get(`/api/cases/${caseId}/interventions`)).json().items;
    expect(interventions.length).toBeGreaterThanOrEqual(4);
  });

  const byTitle = (re: RegExp) => interventions.find((i) => re.test(i.title))!.id;

  it('plan v1: the citizen’s goal, prioritised sub-goals linked to her interventions, the sector plans it replaces, the rule set', async () => {
    const res = await mette.put(`/api/cases/${caseId}/plan`, {
      version: 0,
      reason: 'Første plan, lagt sammen med Lotte',
      startDate: '2026-11-01',
      overallGoal: { citizenWords: 'Jeg vil i arbejde og have overskud til mine børn', caseworkerText: 'Mestre eget liv og komme i job 15 timer om ugen', targetDate: '2027-12-31', followUpDate: '2027-02-01' },
      subGoals: [
        { title: 'Styr på økonomien', domain: 'economy', goalType: 'develop', priority: 1, targetDate: '2027-06-30', followUpDate: '2026-11-20', interventionIds: [byTitle(/Gældsrådgivning/), byTitle(/Socialpædagogisk/)] },
        { title: 'Tættere på arbejdsmarkedet', domain: 'education_work', goalType: 'develop', priority: 2, followUpDate: '2027-01-15', interventionIds: [byTitle(/Mentor/), byTitle(/anden aktør/)] },
        { title: 'Holde sig fri af alkohol', domain: 'health', goalType: 'maintain', priority: 3, followUpDate: '2027-03-01' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    expect(plan).toMatchObject({ version: 1, ruleSetId: 'hovedlov-2022', changedBy: mette.me.name, reason: 'Første plan, lagt sammen med Lotte' });
    expect(plan.subGoals.map((g: any) => [g.priority, g.goalTypeLabel, g.domainLabel])).toEqual([
      [1, 'Udvikle', 'Økonomi'], [2, 'Udvikle', 'Uddannelse og job'], [3, 'Fastholde', 'Sundhedsforhold (herunder rusmidler)'],
    ]);
    expect(plan.subGoals[0].interventions.map((i: any) => i.title)).toEqual(['Gældsrådgivning', expect.stringMatching(/^Socialpædagogisk/)]);
    // The sector plans it replaces, per the rule set; Lotte has Min Plan.
    expect(plan.replaces.map((p: any) => `${p.law} ${p.paragraph}`)).toContain('Lov om social service § 141, stk. 7');
    expect(plan.replaces.find((p: any) => p.code === 'min_plan').citizenHasIt).toBe(true);
    expect(plan.replaces.find((p: any) => p.code === 'sdp_opfoelgningsplan').citizenHasIt).toBe(false);
    expect(plan.plainDanish[0]).toBe('Dit mål: "Jeg vil i arbejde og have overskud til mine børn"');
  });

  it('two edits of the same version: one wins, the other gets a clear conflict and nothing is lost', async () => {
    const edit = (reason: string, priority3Title: string) => ({
      version: 1,
      reason,
      startDate: plan.startDate,
      overallGoal: { citizenWords: plan.overallGoal.citizenWords, caseworkerText: plan.overallGoal.caseworkerText, targetDate: plan.overallGoal.targetDate, followUpDate: plan.overallGoal.followUpDate },
      subGoals: plan.subGoals.map((g: any) => ({
        id: g.id, title: g.priority === 3 ? priority3Title : g.title, domain: g.domain, goalType: g.goalType, priority: g.priority,
        targetDate: g.targetDate, followUpDate: g.followUpDate, interventionIds: g.interventions.map((i: any) => i.id),
      })),
    });
    const first = await mette.put(`/api/cases/${caseId}/plan`, { ...edit('Lotte vil også styrke sit netværk', 'Holde sig fri af alkohol'), subGoals: [
      ...edit('', 'Holde sig fri af alkohol').subGoals,
      { title: 'Et netværk at trække på', domain: 'network', goalType: 'develop', priority: 4, followUpDate: '2027-03-01' },
    ] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);

    const before = await snapshot(municipalityId);
    const second = await mette.put(`/api/cases/${caseId}/plan`, edit('Samtidig ændring på den gamle version', 'Noget andet'));
    const body = problem(second, 409, 'stale-version');
    expect(body.detail).toMatch(/ændret af en anden/);
    expect(await snapshot(municipalityId)).toEqual(before);
    const current = (await mette.get(`/api/cases/${caseId}/plan`)).json();
    expect(current.version).toBe(2);
    expect(current.subGoals.map((g: any) => g.title)).toContain('Et netværk at trække på');
    expect(current.subGoals.map((g: any) => g.title)).not.toContain('Noget andet');
    plan = current;
  });

  it('bad input is refused with a problem and changes nothing', async () => {
    const sanne = await findCitizen(mette, '190886-1004');
    const sanneIntervention = (await mette.get(`/api/cases/${sanne.openCaseId}/interventions`)).json().items[0].id;
    const before = await snapshot(municipalityId);
    const base = {
      version: 2,
      reason: 'Ændring',
      startDate: '2026-11-01',
      overallGoal: { citizenWords: 'Arbejde' },
      subGoals: [{ title: 'Økonomi', domain: 'economy', goalType: 'develop', priority: 1 }],
    };
    // reason missing → 400 at body.reason
    const { reason: _r, ...noReason } = base;
    let p = problem(await mette.put(`/api/cases/${caseId}/plan`, noReason), 400, 'validation');
    expect(p.errors!.map((e) => e.path)).toContain('body.reason');
    p = problem(await mette.put(`/api/cases/${caseId}/plan`, { ...base, reason: '  ' }), 400, 'validation');
    // unknown domain → 400 (plan and assessment)
    p = problem(await mette.put(`/api/cases/${caseId}/plan`, { ...base, subGoals: [{ ...base.subGoals[0], domain: 'lykke' }] }), 400, 'validation');
    expect(p.errors!.map((e) => e.path)).toContain('body.subGoals.0.domain');
    p = problem(await mette.put(`/api/cases/${caseId}/assessment`, { version: 1, status: 'in_progress', domains: [{ domain: 'lykke' }] }), 400, 'validation');
    expect(p.errors!.map((e) => e.path)).toContain('body.domains.0.domain');
    // a sub-goal linking an intervention of another case → 422 with the field
    p = problem(await mette.put(`/api/cases/${caseId}/plan`, { ...base, subGoals: [{ ...base.subGoals[0], interventionIds: [sanneIntervention] }] }), 422, 'invalid-plan');
    expect(p.errors).toEqual([expect.objectContaining({ path: 'body.subGoals.0.interventionIds.0', code: 'unknown-intervention' })]);
    // duplicate priorities and a target before the start, all at once
    p = problem(await mette.put(`/api/cases/${caseId}/plan`, { ...base, subGoals: [base.subGoals[0], { ...base.subGoals[0], title: 'To', priority: 1, targetDate: '2026-01-01' }] }), 422, 'invalid-plan');
    expect(p.errors!.map((e) => e.code).sort()).toEqual(['duplicate-priority', 'target-before-start']);
    // a follow-up of a goal not in the plan
    problem(await mette.post(`/api/cases/${caseId}/plan/follow-ups`, { goalId: crypto.randomUUID(), progression: 5, result: 'continue', nextFollowUpOn: '2027-01-01' }), 422, 'invalid-follow-up');
    problem(await mette.post(`/api/cases/${caseId}/plan/follow-ups`, { goalId: plan.subGoals[0].id, progression: 11, result: 'continue' }), 400, 'validation');
    // the duplicate domain in one assessment
    problem(await mette.put(`/api/cases/${caseId}/assessment`, { version: 1, status: 'in_progress', domains: [{ domain: 'economy' }, { domain: 'economy' }] }), 422, 'invalid-assessment');
    expect(await snapshot(municipalityId)).toEqual(before);
  });

  it('version history: who, when, why and what changed; diff between versions', async () => {
    const versions = (await mette.get(`/api/cases/${caseId}/plan/versions`)).json().items;
    expect(versions.map((v: any) => [v.version, v.reason, v.changedBy])).toEqual([
      [1, 'Første plan, lagt sammen med Lotte', mette.me.name],
      [2, 'Lotte vil også styrke sit netværk', mette.me.name],
    ]);
    expect(versions[1].changes).toEqual(['Nyt delmål: Et netværk at trække på.']);
    const v1 = (await mette.get(`/api/cases/${caseId}/plan/snapshot?version=1`)).json();
    expect(v1.content.subGoals).toHaveLength(3);
    const diff = (await mette.get(`/api/cases/${caseId}/plan/diff?from=1&to=2`)).json();
    expect(diff.changes).toEqual([expect.objectContaining({ kind: 'sub_goal_added', text: 'Nyt delmål: Et netværk at trække på.' })]);
    expect((await mette.get(`/api/cases/${caseId}/plan/snapshot?version=9`)).statusCode).toBe(404);
    const events = (await mette.get(`/api/cases/${caseId}/events`)).json().items.filter((e: any) => e.type === 'plan_version_created');
    expect(events).toHaveLength(2);
  });

  it('follow-up: progression per goal, FFB result, next date; overdue follow-ups are listed until followed up', async () => {
    const economy = plan.subGoals.find((g: any) => g.priority === 1);
    expect(economy.progress).toMatchObject({ nextFollowUpOn: '2026-11-20', followUpDue: true, achievement: 'in-progress' });
    let due = (await mette.get('/api/follow-ups/due')).json().items;
    expect(due).toContainEqual(expect.objectContaining({ caseId, goalId: economy.id, nextFollowUpOn: '2026-11-20', daysOverdue: 3 }));
    expect(due.every((d: any) => d.nextFollowUpOn <= '2026-11-23')).toBe(true);

    // Executing staff on the case (kim is Lotte's contact) record follow-ups in the shared frame, but cannot change the plan.
    let res = await kim.post(`/api/cases/${caseId}/plan/follow-ups`, { goalId: economy.id, progression: 3, result: 'continue', note: 'Budget lagt', recordedOn: '2026-11-20', nextFollowUpOn: '2026-12-15' });
    expect(res.statusCode, res.body).toBe(201);
    res = await mette.post(`/api/cases/${caseId}/plan/follow-ups`, { goalId: economy.id, progression: 5, result: 'adjust_within_frame', note: 'Første afdrag betalt' , nextFollowUpOn: '2027-01-15' });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json().subGoals.find((x: any) => x.id === economy.id);
    expect(g.progress).toMatchObject({ progression: 5, achievement: 'improving', nextFollowUpOn: '2027-01-15', followUpDue: false });
    expect(g.progress.followUps.map((f: any) => [f.progression, f.resultLabel, f.recordedBy])).toEqual([[3, 'Fortsættes', kim.me.name], [5, 'Ændres inden for rammen', mette.me.name]]);
    expect((await kim.put(`/api/cases/${caseId}/plan`, { version: 2, reason: 'Specialisten ændrer', startDate: '2026-11-01', overallGoal: { citizenWords: 'x' }, subGoals: [] })).statusCode).toBe(403);
    due = (await mette.get('/api/follow-ups/due')).json().items;
    expect(due.some((d: any) => d.goalId === economy.id)).toBe(false);
    // A new version keeps the follow-up state of goals it keeps.
    expect((await mette.get(`/api/cases/${caseId}/plan`)).json().subGoals.find((x: any) => x.id === economy.id).progress.progression).toBe(5);
  });

  it('the family-plan obligation is detected for Lotte and raised as one task, once', async () => {
    const tasks = () => mette.get(`/api/cases/${caseId}/tasks`).then((r) => r.json().items.filter((t: any) => t.kind === 'family_plan_obligation'));
    // The first plan version already raised it.
    expect(await tasks()).toHaveLength(1);
    const check = await mette.post(`/api/cases/${caseId}/family/obligation-check`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ obligated: true, ruleApplies: true, municipalPlans: ['min_plan', 'sel_141_handleplan'] });
    expect(check.json().childrenWithSupport.map((c: any) => c.name).sort()).toEqual(['Emil Frederiksen', 'Freja Frederiksen', 'Noah Frederiksen']);
    const again = await mette.post(`/api/cases/${caseId}/family/obligation-check`);
    expect(again.json().taskId).toBe(check.json().taskId);
    const [task] = await tasks();
    expect(task).toMatchObject({ id: check.json().taskId, status: 'open', assigneeEmployeeId: mette.me.id });
    expect(task.legalBasis).toMatch(/Sammenhæng for hele familien/);

    const family = (await mette.get(`/api/cases/${caseId}/family`)).json();
    expect(family.members.map((m: any) => [m.name, m.relation, m.hasCase])).toEqual([
      ['Emil Frederiksen', 'child', false], ['Freja Frederiksen', 'child', false], ['Noah Frederiksen', 'child', false],
    ]);
    expect(family.familyPlanConsent).toBe(true);
    const treatment = family.familyPlan.interventions.filter((i: any) => /Familiebehandling/.test(i.title));
    expect(treatment).toHaveLength(3);
    expect(treatment.every((i: any) => i.decidedUnder === 'childrens_law' && /barnets lov/.test(i.decidedUnderLabel))).toBe(true);
    expect(family.familyPlan.interventions.find((i: any) => /PPR/.test(i.title)).decidedUnder).toBe('sector_law');
  });

  it('Sanne triggers the obligation through Mille; Lukas’s disability support is shown, decided under children’s law', async () => {
    const sanne = await findCitizen(mette, '190886-1004');
    const check = (await mette.post(`/api/cases/${sanne.openCaseId}/family/obligation-check`)).json();
    expect(check.obligated).toBe(true);
    expect(check.childrenWithSupport.map((c: any) => c.name).join()).toMatch(/^Mille/);
    const family = (await mette.get(`/api/cases/${sanne.openCaseId}/family`)).json();
    expect(family.members.map((m: any) => m.name.split(' ')[0]).sort()).toEqual(['Lukas', 'Mille']);
    const lukas = family.familyPlan.interventions.filter((i: any) => i.citizenName.startsWith('Lukas'));
    expect(lukas.find((i: any) => /jælpemidler/i.test(i.title)).decidedUnder).toBe('childrens_law');
    expect(lukas.map((i: any) => i.decidedUnder)).toContain('sector_law');

    // Withdrawing the family_plan consent hides the family plan at the next read; the household stays listed.
    expect((await mette.post(`/api/citizens/${sanne.id}/consents`, { scope: 'family_plan', action: 'withdrawn' })).statusCode).toBe(201);
    const after = (await mette.get(`/api/cases/${sanne.openCaseId}/family`)).json();
    expect(after).toMatchObject({ familyPlanConsent: false, familyPlan: null });
    expect(after.members).toHaveLength(2);
  });

  it.each([
    ['Mads (no children)', '090704-4009'],
    ['Martin (his son gets disability support, not special support)', '141290-1007'],
  ])('no obligation for %s', async (_who, cpr) => {
    const jonas = await loginEmployee(h.app, 'jonas', code);
    const c = await findCitizen(jonas, cpr);
    const res = await jonas.post(`/api/cases/${c.openCaseId}/family/obligation-check`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ obligated: false, ruleApplies: true, taskId: null });
    const tasks = (await jonas.get(`/api/cases/${c.openCaseId}/tasks`)).json().items;
    expect(tasks.some((t: any) => t.kind === 'family_plan_obligation')).toBe(false);
  });

  it('simultaneous first versions and simultaneous edits: exactly one wins each time', async () => {
    const jonas = await loginEmployee(h.app, 'jonas', code);
    const mads = await findCitizen(jonas, '090704-4009');
    const body = (reason: string, version: number) => ({ version, reason, startDate: '2026-11-23', overallGoal: { citizenWords: 'Stoffri og i uddannelse' }, subGoals: [{ title: reason, domain: 'health', goalType: 'develop', priority: 1 }] });
    const created = await Promise.all([jonas.put(`/api/cases/${mads.openCaseId}/plan`, body('Første A', 0)), jonas.put(`/api/cases/${mads.openCaseId}/plan`, body('Første B', 0))]);
    expect(created.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const edited = await Promise.all([1, 2, 3].map((n) => jonas.put(`/api/cases/${mads.openCaseId}/plan`, body(`Ændring ${n}`, 1))));
    expect(edited.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const versions = (await jonas.get(`/api/cases/${mads.openCaseId}/plan/versions`)).json().items;
    expect(versions.map((v: any) => v.version)).toEqual([1, 2]);
    const winner = edited.find((r) => r.statusCode === 200)!.json();
    expect(versions[1].reason).toBe(winner.reason);
    for (const r of edited.filter((x) => x.statusCode === 409)) expect(r.json().type).toBe('https://helhed.dk/problems/stale-version');
  });

  it('household links: a child is linked to a parent (no case of its own); adults and unknown citizens are refused', async () => {
    const jonas = await loginEmployee(h.app, 'jonas', code);
    const mads = await findCitizen(jonas, '090704-4009');
    const reg = await jonas.post('/api/citizens', { cpr: '150324-4011', name: 'Alma Testbarn', address: 'Testvej 2, 9999 Demoby' });
    expect(reg.statusCode, reg.body).toBe(201);
    const before = await snapshot(municipalityId);
    problem(await jonas.post(`/api/cases/${mads.openCaseId}/family/children`, { childCitizenId: lotte.id }), 422, 'invalid-family-link');
    problem(await jonas.post(`/api/cases/${mads.openCaseId}/family/children`, { childCitizenId: mads.id }), 422, 'invalid-family-link');
    problem(await jonas.post(`/api/cases/${mads.openCaseId}/family/children`, { childCitizenId: crypto.randomUUID() }), 422, 'invalid-family-link');
    problem(await jonas.post(`/api/cases/${mads.openCaseId}/family/children`, { childCitizenId: 'ikke-et-id' }), 400, 'validation');
    expect(await snapshot(municipalityId)).toEqual(before);
    const linked = await jonas.post(`/api/cases/${mads.openCaseId}/family/children`, { childCitizenId: reg.json().id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().members).toEqual([expect.objectContaining({ name: 'Alma Testbarn', relation: 'child', age: 2, sameHousehold: true, hasCase: false })]);
    // Without a family_plan consent the household is listed, but there is no family plan.
    expect(linked.json()).toMatchObject({ familyPlanConsent: false, familyPlan: null });
    // A coordinating caseworker of another case cannot link children to it.
    expect((await mette.post(`/api/cases/${mads.openCaseId}/family/children`, { childCitizenId: reg.json().id })).statusCode).toBe(403);

    // New family information raises the obligation: Martin (in the target group, § 141 plan implied by
    // his § 85 support, Min Plan) is linked as the father of a 17-year-old with a barnets lov § 32 contact person.
    const martin = await findCitizen(jonas, '141290-1007');
    const ida = await findCitizen(jonas, '200409-4016');
    const withIda = await jonas.post(`/api/cases/${martin.openCaseId}/family/children`, { childCitizenId: ida.id, sameHousehold: false });
    expect(withIda.statusCode, withIda.body).toBe(200);
    expect(withIda.json().obligation).toMatchObject({ obligated: true, childrenWithSupport: [{ citizenId: ida.id, name: expect.stringMatching(/^Ida/) }], taskId: expect.any(String) });
    expect(withIda.json().members.find((m: any) => m.citizenId === ida.id)).toMatchObject({ relation: 'child', sameHousehold: false, age: 17 });
    const tasks = (await jonas.get(`/api/cases/${martin.openCaseId}/tasks`)).json().items.filter((t: any) => t.kind === 'family_plan_obligation');
    expect(tasks.map((t: any) => t.id)).toEqual([withIda.json().obligation.taskId]);
  });

  it('the citizen reads her current plan in plain Danish and cannot change it', async () => {
    const me = await loginCitizen(h.app, lotte.id);
    const res = await me.get(`/api/cases/${caseId}/plan`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    expect(res.json().plainDanish.join('\n')).toMatch(/Dit mål.*\n.*\n.*Dine delmål, det vigtigste først:\n1\. Styr på økonomien/);
    expect((await me.put(`/api/cases/${caseId}/plan`, { version: 2, reason: 'Jeg vil selv', startDate: '2026-11-01', overallGoal: { citizenWords: 'x' }, subGoals: [] })).statusCode).toBe(403);
    const other = await findCitizen(mette, '190886-1004');
    expect((await me.get(`/api/cases/${other.openCaseId}/plan`)).statusCode).toBe(403);
  });

  it('FHIR R4 export: a collection with CarePlan, Goals (sub-goals as milestones) and Consents, valid by the resource definitions, audited', async () => {
    const res = await mette.get(`/api/cases/${caseId}/fhir`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = res.json();
    expect(validateBundle(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const of = (type: string) => bundle.entry.map((e: any) => e.resource).filter((r: any) => r.resourceType === type);
    const [carePlan] = of('CarePlan');
    expect(carePlan).toMatchObject({ status: 'active', intent: 'plan', subject: { reference: `Patient/${lotte.id}` } });
    const goals = of('Goal');
    expect(goals).toHaveLength(5);
    expect(carePlan.goal).toHaveLength(5);
    const overall = goals.find((g: any) => g.id === plan.overallGoal.id);
    expect(overall.extension.map((e: any) => e.extension.find((x: any) => x.url === 'target').valueReference.reference).sort()).toEqual(
      plan.subGoals.map((g: any) => `Goal/${g.id}`).sort(),
    );
    const economy = goals.find((g: any) => g.description.text === 'Styr på økonomien');
    expect(economy.achievementStatus.coding[0].code).toBe('improving');
    expect(economy.target).toEqual([{ dueDate: '2027-06-30' }]);
    expect(carePlan.activity).toHaveLength(4);
    const debt = carePlan.activity.find((a: any) => a.detail.code.text === 'Gældsrådgivning');
    expect(debt.detail).toMatchObject({ status: 'in-progress', goal: [{ reference: `Goal/${economy.id}` }] });
    const consents = of('Consent');
    expect(consents.map((c: any) => c.category[1].coding[0].code).sort()).toEqual(['family_plan', 'health_information', 'health_information', 'holistic_effort']);
    expect(consents.every((c: any) => c.status === 'active')).toBe(true);

    const { db } = await testDatabase();
    const audit = await db.selectFrom('audit_log').select(['action', 'citizen_id', 'outcome']).where('municipality_id', '=', municipalityId).where('action', '=', 'plan.export').execute();
    expect(audit).toEqual([{ action: 'plan.export', citizen_id: lotte.id, outcome: 'allowed' }]);
    // A specialist cannot export.
    expect((await kim.get(`/api/cases/${caseId}/fhir`)).statusCode).toBe(403);
  });

  it('the validator itself rejects broken resources', () => {
    const broken = {
      resourceType: 'Bundle', type: 'collection', timestamp: '2026-11-23T10:00:00Z',
      entry: [
        { fullUrl: 'x/CarePlan/a', resource: { resourceType: 'CarePlan', id: 'a', status: 'open', subject: { reference: 'Patient/p' }, activity: [{ reference: { reference: 'Task/t' }, detail: { status: 'x' } }] } },
        { resource: { resourceType: 'Goal', id: 'g', lifecycleStatus: 'active', subject: { display: 'x' }, description: { text: 'x' }, achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'done' }] } } },
        { resource: { resourceType: 'Consent', id: 'c', status: 'active', scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] }, category: [] } },
      ],
    };
    const problems = validateBundle(broken).join('\n');
    for (const expected of ['status: "open" not in', 'intent: required', 'cpl-3', 'detail.status', 'Patient/p is not in the bundle', 'unknown code done', 'category: at least one', 'ppc-1', 'ppc-2..5', 'Task/t']) {
      expect(problems).toContain(expected);
    }
  });

  it('Camilla: the psychiatric treatment plan enters the plan only by disclosure with consent, and is hidden again on withdrawal', async () => {
    const camilla = await findCitizen(mette, '290292-1010');
    expect(camilla.openCaseId).toBeNull();
    const opened = await mette.post('/api/cases', { citizenId: camilla.id });
    expect(opened.statusCode, opened.body).toBe(201);
    const camillaCase = opened.json().id;
    const source = 'Region Hovedstadens Psykiatri';
    const doc = { source, kind: 'psychiatric_treatment_plan', title: 'Behandlingsplan, Psykiatrisk Center', content: 'Ambulant behandling for depression; samtaler hver 14. dag.' };

    // No plan without the consent to the holistic effort.
    const planBody = { version: 0, reason: 'Første plan', startDate: '2026-11-23', overallGoal: { citizenWords: 'Jeg vil i uddannelse' }, subGoals: [{ title: 'Stabil hverdag', domain: 'mental_functions', goalType: 'develop', priority: 1 }] };
    problem(await mette.put(`/api/cases/${camillaCase}/plan`, planBody), 409, 'no-holistic-consent');
    // The region cannot disclose without consent, and nothing is visible.
    problem(await mette.post(`/api/citizens/${camilla.id}/health-documents`, doc), 422, 'no-health-consent');
    for (const body of [
      { scope: 'holistic_effort', action: 'given', form: 'digital' },
      { scope: 'health_information', counterpart: source, action: 'given', form: 'digital' },
    ]) expect((await mette.post(`/api/citizens/${camilla.id}/consents`, body)).statusCode).toBe(201);
    expect((await mette.put(`/api/cases/${camillaCase}/plan`, planBody)).statusCode).toBe(200);
    expect((await mette.get(`/api/cases/${camillaCase}/plan/health-documents`)).json()).toEqual({ items: [], withheld: 0 });

    expect((await mette.post(`/api/citizens/${camilla.id}/health-documents`, doc)).statusCode).toBe(201);
    const visible = (await mette.get(`/api/cases/${camillaCase}/plan/health-documents`)).json();
    expect(visible.items).toEqual([expect.objectContaining({ source, kindLabel: 'Psykiatrisk behandlingsplan', title: doc.title, content: doc.content })]);
    expect(visible.withheld).toBe(0);

    // Withdrawn mid-plan: hidden at the next read; the plan itself stays.
    expect((await mette.post(`/api/citizens/${camilla.id}/consents`, { scope: 'health_information', counterpart: source, action: 'withdrawn' })).statusCode).toBe(201);
    const hidden = (await mette.get(`/api/cases/${camillaCase}/plan/health-documents`)).json();
    expect(hidden).toEqual({ items: [], withheld: 1 });
    expect((await mette.get(`/api/cases/${camillaCase}/plan`)).statusCode).toBe(200);
    // The export shows the withdrawn scope as an inactive Consent.
    const bundle = (await mette.get(`/api/cases/${camillaCase}/fhir`)).json();
    expect(validateBundle(bundle)).toEqual([]);
    const health = bundle.entry.map((e: any) => e.resource).find((r: any) => r.resourceType === 'Consent' && r.category[1].coding[0].code === 'health_information');
    expect(health).toMatchObject({ status: 'inactive', provision: { type: 'deny' } });
    // A specialist never sees health documents in the plan.
    expect((await kim.get(`/api/cases/${camillaCase}/plan/health-documents`)).statusCode).toBe(403);
  });
});
