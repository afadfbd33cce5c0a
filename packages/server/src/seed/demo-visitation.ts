/**
 * The demo municipality's intervention catalogue and the visitation forum's
 * budgets (SPEC C6). Legal sections come from the seed records where they
 * name one; the others are this project's reading — the ones marked
 * `doubtful` are to be checked by someone who knows the current numbering
 * (the employment law was renumbered in 2019 and is being rewritten for 2027).
 */
import {
  addDays,
  authorityFor,
  computeCost,
  EXECUTION_STATUS,
  formatLegalBasis,
  isRuleSetId,
  legalBasesUnder,
  limitsInForce,
  routeRequest,
  todayInCopenhagen,
  type CatalogueLegalBasis,
  type EmployeeRole,
  type RuleSetId,
} from '@helhed/core';
import type { Tx } from '../db/transactions';

const ALL: RuleSetId[] = ['plan-2018', 'hovedlov-2022', 'beskaeftigelsesreform-2027'];
const BEFORE_MAIN_LAW: RuleSetId[] = ['plan-2018'];
const MAIN_LAW: RuleSetId[] = ['hovedlov-2022', 'beskaeftigelsesreform-2027'];
const INDIVIDUAL_SUPPORT = { law: 'Lov om en helhedsorienteret indsats', section: 'individuel støtte (erstatter LAB § 167, SEL §§ 85, 82 b og 76)', ruleSets: MAIN_LAW };

interface DemoCatalogueItem {
  kind: string;
  title: string;
  description?: string;
  sector: string;
  category: string;
  legalBases: CatalogueLegalBasis[];
  unitKey: string;
  costModel: 'per_hour' | 'per_week' | 'per_month' | 'one_off';
  unitPriceDkk: number;
  complaintRoute: 'ankestyrelsen' | 'health' | 'none';
  noComplaintReason?: string;
  isBenefit?: boolean;
  requiresRehabilitation?: boolean;
  flexibleHours?: boolean;
  combinedOf?: string[];
  /** the section is this project's reading, not taken from a seed: check it */
  doubtful?: true;
}

export const DEMO_CATALOGUE: DemoCatalogueItem[] = [
  // --- Beskæftigelse (LAB) ---------------------------------------------------
  { kind: 'mentor', title: 'Mentorstøtte', sector: 'employment', category: 'individuel_stoette', legalBases: [{ law: 'LAB', section: '§ 167', ruleSets: BEFORE_MAIN_LAW }], unitKey: 'jobcenter', costModel: 'per_hour', unitPriceDkk: 450, complaintRoute: 'ankestyrelsen' },
  { kind: 'virksomhedspraktik', title: 'Virksomhedspraktik', sector: 'employment', category: 'beskaeftigelse', legalBases: [{ law: 'LAB', section: 'kap. 11 (virksomhedspraktik)', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'per_week', unitPriceDkk: 500, complaintRoute: 'ankestyrelsen', doubtful: true },
  { kind: 'vejledning_opkvalificering', title: 'Vejledning og opkvalificering', sector: 'employment', category: 'beskaeftigelse', legalBases: [{ law: 'LAB', section: '§ 91', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'one_off', unitPriceDkk: 18_000, complaintRoute: 'ankestyrelsen' },
  { kind: 'fleksjob', title: 'Fleksjob (fleksløntilskud)', sector: 'employment', category: 'beskaeftigelse', legalBases: [{ law: 'LAB', section: '§ 116', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'per_month', unitPriceDkk: 11_500, complaintRoute: 'ankestyrelsen', requiresRehabilitation: true },
  { kind: 'ressourceforloeb', title: 'Ressourceforløb', sector: 'employment', category: 'beskaeftigelse', legalBases: [{ law: 'LAB', section: 'ressourceforløb (tidl. § 68 b)', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'per_month', unitPriceDkk: 3_500, complaintRoute: 'ankestyrelsen', requiresRehabilitation: true, doubtful: true },
  { kind: 'jobafklaringsforloeb', title: 'Jobafklaringsforløb', sector: 'employment', category: 'beskaeftigelse', legalBases: [{ law: 'LAB', section: 'jobafklaringsforløb (tidl. § 68 c)', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'per_month', unitPriceDkk: 2_500, complaintRoute: 'ankestyrelsen', requiresRehabilitation: true, doubtful: true },
  { kind: 'revalidering', title: 'Revalidering', sector: 'employment', category: 'beskaeftigelse', legalBases: [{ law: 'LAB', section: 'revalidering (kap. om revalidering)', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'per_month', unitPriceDkk: 4_000, complaintRoute: 'ankestyrelsen', doubtful: true },
  { kind: 'personlig_assistance', title: 'Personlig assistance i arbejdet', sector: 'employment', category: 'beskaeftigelse', legalBases: [{ law: 'Lov om kompensation til handicappede i erhverv m.v.', section: '§ 4', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'per_hour', unitPriceDkk: 250, complaintRoute: 'ankestyrelsen' },
  // --- Forsørgelse (aktivloven, sygedagpengeloven, social pension): benefits, outside the combined decision
  { kind: 'kontanthjaelp', title: 'Kontanthjælp', sector: 'benefits', category: 'ydelse', legalBases: [{ law: 'Lov om aktiv socialpolitik', section: '§ 11', ruleSets: ALL }], unitKey: 'ydelse', costModel: 'per_month', unitPriceDkk: 12_500, complaintRoute: 'ankestyrelsen', isBenefit: true },
  { kind: 'hjaelp_sygebehandling', title: 'Hjælp til sygebehandling, medicin m.v.', sector: 'benefits', category: 'enkeltydelse', legalBases: [{ law: 'Lov om aktiv socialpolitik', section: '§ 82', ruleSets: ALL }], unitKey: 'ydelse', costModel: 'one_off', unitPriceDkk: 1_500, complaintRoute: 'ankestyrelsen', doubtful: true },
  { kind: 'sygedagpenge_kategori_3', title: 'Sygedagpenge, visitationskategori 3 (komplekse sager)', sector: 'benefits', category: 'ydelse', legalBases: [{ law: 'Sygedagpengeloven', section: '§ 12, stk. 1, nr. 3', ruleSets: ALL }], unitKey: 'ydelse', costModel: 'per_week', unitPriceDkk: 4_800, complaintRoute: 'ankestyrelsen', isBenefit: true, requiresRehabilitation: true, doubtful: true },
  { kind: 'foertidspension', title: 'Førtidspension', sector: 'benefits', category: 'ydelse', legalBases: [{ law: 'Lov om social pension', section: '§ 16', ruleSets: ALL }], unitKey: 'ydelse', costModel: 'per_month', unitPriceDkk: 20_000, complaintRoute: 'ankestyrelsen', isBenefit: true, requiresRehabilitation: true, doubtful: true },
  // --- Voksensocial (serviceloven) ------------------------------------------------
  { kind: 'sel_85', title: 'Socialpædagogisk støtte', sector: 'adult_social', category: 'individuel_stoette', legalBases: [{ law: 'Serviceloven', section: '§ 85', ruleSets: BEFORE_MAIN_LAW }], unitKey: 'voksensocial', costModel: 'per_hour', unitPriceDkk: 520, complaintRoute: 'ankestyrelsen' },
  {
    kind: 'kombineret_stoetteperson',
    title: 'Samlet støtteperson (mentor og socialpædagogisk støtte)',
    description: 'Én støtteperson udfører både mentorstøtten og den socialpædagogiske støtte; én afgørelse.',
    sector: 'adult_social',
    category: 'individuel_stoette',
    legalBases: [{ law: 'LAB', section: '§ 167', ruleSets: BEFORE_MAIN_LAW }, { law: 'Serviceloven', section: '§ 85', ruleSets: BEFORE_MAIN_LAW }, INDIVIDUAL_SUPPORT],
    unitKey: 'voksensocial',
    costModel: 'per_hour',
    unitPriceDkk: 480,
    complaintRoute: 'ankestyrelsen',
    combinedOf: ['mentor', 'sel_85'],
  },
  {
    kind: 'stoette_timepulje',
    title: 'Fleksibel støtte (timepulje)',
    description: 'Socialpædagogisk støtte som en pulje af timer over en periode i stedet for faste ugentlige timer.',
    sector: 'adult_social',
    category: 'individuel_stoette',
    legalBases: [{ law: 'Serviceloven', section: '§ 85', ruleSets: BEFORE_MAIN_LAW }, INDIVIDUAL_SUPPORT],
    unitKey: 'voksensocial',
    costModel: 'per_hour',
    unitPriceDkk: 450,
    complaintRoute: 'ankestyrelsen',
    flexibleHours: true,
  },
  { kind: 'sel_82b', title: 'Anonym, ikke-visiteret rådgivning og støtte', sector: 'adult_social', category: 'individuel_stoette', legalBases: [{ law: 'Serviceloven', section: '§ 82 b', ruleSets: BEFORE_MAIN_LAW }], unitKey: 'voksensocial', costModel: 'per_hour', unitPriceDkk: 400, complaintRoute: 'none', noComplaintReason: 'Tilbud uden visitation: der træffes ingen afgørelse.' },
  { kind: 'sel_101', title: 'Social stofmisbrugsbehandling', sector: 'adult_social', category: 'misbrug', legalBases: [{ law: 'Serviceloven', section: '§ 101', ruleSets: ALL }], unitKey: 'sundhed', costModel: 'per_week', unitPriceDkk: 2_200, complaintRoute: 'ankestyrelsen' },
  { kind: 'sel_107', title: 'Midlertidigt botilbud', sector: 'adult_social', category: 'botilbud', legalBases: [{ law: 'Serviceloven', section: '§ 107', ruleSets: ALL }], unitKey: 'voksensocial', costModel: 'per_month', unitPriceDkk: 45_000, complaintRoute: 'ankestyrelsen' },
  { kind: 'sel_110', title: 'Midlertidigt ophold på forsorgshjem', sector: 'adult_social', category: 'botilbud', legalBases: [{ law: 'Serviceloven', section: '§ 110', ruleSets: ALL }], unitKey: 'voksensocial', costModel: 'per_month', unitPriceDkk: 28_000, complaintRoute: 'ankestyrelsen' },
  { kind: 'sel_112', title: 'Hjælpemidler', sector: 'adult_social', category: 'hjaelpemidler', legalBases: [{ law: 'Serviceloven', section: '§ 112', ruleSets: ALL }], unitKey: 'voksensocial', costModel: 'one_off', unitPriceDkk: 8_000, complaintRoute: 'ankestyrelsen' },
  // --- Sundhed (sundhedsloven): the health-area complaint route
  { kind: 'sundhedsloven_141', title: 'Alkoholbehandling (ambulant)', sector: 'health', category: 'misbrug', legalBases: [{ law: 'Sundhedsloven', section: '§ 141', ruleSets: ALL }], unitKey: 'sundhed', costModel: 'per_week', unitPriceDkk: 1_500, complaintRoute: 'health' },
  { kind: 'sundhedsloven_142', title: 'Lægelig behandling for stofmisbrug', sector: 'health', category: 'misbrug', legalBases: [{ law: 'Sundhedsloven', section: '§ 142', ruleSets: ALL }], unitKey: 'sundhed', costModel: 'per_week', unitPriceDkk: 1_800, complaintRoute: 'health' },
  // --- Børn og familie (barnets lov): decided under children's law
  { kind: 'bl_32_familiebehandling', title: 'Familiebehandling', sector: 'children_family', category: 'boern_familie', legalBases: [{ law: 'Barnets lov', section: '§ 32, stk. 1, nr. 5', ruleSets: ALL }], unitKey: 'boern-familie', costModel: 'per_hour', unitPriceDkk: 850, complaintRoute: 'ankestyrelsen' },
  { kind: 'bl_87_tabt_arbejdsfortjeneste', title: 'Dækning af tabt arbejdsfortjeneste', sector: 'children_family', category: 'boern_familie', legalBases: [{ law: 'Barnets lov', section: '§ 87', ruleSets: ALL }], unitKey: 'boern-familie', costModel: 'per_month', unitPriceDkk: 9_000, complaintRoute: 'ankestyrelsen', isBenefit: true },
  // --- Bolig, uddannelse, integration
  { kind: 'boliganvisning', title: 'Kommunal boliganvisning', sector: 'housing', category: 'bolig', legalBases: [{ law: 'Almenboligloven', section: '§ 59, stk. 1', ruleSets: ALL }], unitKey: 'voksensocial', costModel: 'one_off', unitPriceDkk: 0, complaintRoute: 'none', noComplaintReason: 'Boliganvisning er ikke en afgørelse med klageadgang til Ankestyrelsen.', doubtful: true },
  // Not appealable, as today (seed 001); the reason is read by the citizen in the decision letter.
  { kind: 'fgu_maalgruppevurdering', title: 'Målgruppevurdering til FGU', sector: 'education', category: 'uddannelse', legalBases: [{ law: 'Lov om forberedende grunduddannelse', section: '§ 2', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'one_off', unitPriceDkk: 0, complaintRoute: 'none', noComplaintReason: 'Målgruppevurderingen til forberedende grunduddannelse (FGU) er en processuel beslutning og ikke en afgørelse. Den kan ikke påklages.', doubtful: true },
  { kind: 'integrationsprogram', title: 'Integrationsprogram', sector: 'employment', category: 'beskaeftigelse', legalBases: [{ law: 'Integrationsloven', section: '§ 16', ruleSets: ALL }], unitKey: 'jobcenter', costModel: 'per_month', unitPriceDkk: 3_000, complaintRoute: 'ankestyrelsen', doubtful: true },
];

/** The cross-cutting visitation forum's budgets (seed 003, bilag 1: "tværgående visitationsforum"). */
export const DEMO_FORUM_BUDGETS = [
  { teamKey: 'visitationsforum', periodStart: '2026-01-01', periodEnd: '2026-12-31', budgetDkk: 600_000 },
  { teamKey: 'visitationsforum', periodStart: '2027-01-01', periodEnd: '2027-12-31', budgetDkk: 650_000 },
];

/** Called once from load-demo.ts inside its transaction. */
export async function loadDemoVisitation(tx: Tx, municipalityId: string, idOf: (key: string) => string, now: Date): Promise<void> {
  await tx
    .insertInto('catalogue_item')
    .values(
      DEMO_CATALOGUE.map((i) => ({
        municipality_id: municipalityId,
        id: idOf(`catalogue:${i.kind}`),
        kind: i.kind,
        title: i.title,
        description: i.description ?? '',
        sector: i.sector,
        category: i.category,
        legal_bases: JSON.stringify(i.legalBases),
        owner_unit_id: idOf(`unit:${i.unitKey}`),
        cost_model: i.costModel,
        unit_price_dkk: i.unitPriceDkk,
        appealable: i.complaintRoute !== 'none',
        complaint_route: i.complaintRoute,
        no_complaint_reason: i.noComplaintReason ?? null,
        is_benefit: i.isBenefit ?? false,
        requires_rehabilitation: i.requiresRehabilitation ?? false,
        flexible_hours: i.flexibleHours ?? false,
        combined_of: JSON.stringify(i.combinedOf ?? []),
      })),
    )
    .execute();
  const budgets = DEMO_FORUM_BUDGETS.map((b) => ({
    municipality_id: municipalityId,
    id: crypto.randomUUID(),
    forum_team_id: idOf(`team:${b.teamKey}`),
    period_start: b.periodStart,
    period_end: b.periodEnd,
    budget_dkk: b.budgetDkk,
  }));
  await tx.insertInto('forum_budget').values(budgets).execute();
  // Every amount has its history row, the seeded first one too (by no one: the demo set it up).
  await tx
    .insertInto('forum_budget_change')
    .values(budgets.map((b) => ({ municipality_id: municipalityId, budget_id: b.id, version: 1, budget_dkk: b.budget_dkk, previous_dkk: null, reason: 'Demokommunens budget', changed_at: now })))
    .execute();
}

/**
 * Requests waiting for the visitation forum on the demo's first day, so the
 * forum (lene, henrik) has something to approve or reject against its budget.
 * On cases whose stories do not touch visitation: the request's intervention
 * is not granted until the forum approves, so it is in no decision.
 */
export const DEMO_FORUM_REQUESTS = [
  {
    citizenKey: 'martin',
    requestedByKey: 'jonas',
    catalogueKind: 'sel_107',
    title: 'Midlertidigt botilbud med døgnstøtte',
    quantity: 3,
    startInDays: 21,
    months: 3,
    requestedDaysAgo: 6,
    reasoning:
      'Martin bor alene og har svært ved at holde fast i misbrugsbehandlingen, når psykiatrien justerer medicinen. Et midlertidigt botilbud i 3 måneder giver ro til at stabilisere begge dele, før han flytter hjem igen.',
  },
  {
    citizenKey: 'kenneth',
    requestedByKey: 'louise',
    catalogueKind: 'stoette_timepulje',
    title: 'Ekstra støttetimer i egen bolig (timepulje)',
    quantity: 150,
    startInDays: 7,
    months: 4,
    requestedDaysAgo: 2,
    reasoning:
      'Kenneth flytter fra forsorgshjemmet til egen bolig. De første måneder har han brug for flere støttetimer, end bostøtten dækker, især om aftenen og i weekenden, så han ikke mister boligen.',
  },
] as const;

/** Called from load-demo.ts after the cases and the catalogue exist; requested the given days before `now`. */
export async function loadDemoForumRequests(tx: Tx, municipalityId: string, ruleSetId: string, idOf: (key: string) => string, now: Date): Promise<void> {
  if (!isRuleSetId(ruleSetId)) throw new Error(`unknown rule set ${ruleSetId}`);
  const limits = limitsInForce(
    (await tx.selectFrom('authority_limit').selectAll().execute()).map((l) => ({ validFrom: l.valid_from, validUntil: l.valid_until, l })),
    todayInCopenhagen(now),
  ).map((x) => x.l);
  for (const r of DEMO_FORUM_REQUESTS) {
    const item = DEMO_CATALOGUE.find((i) => i.kind === r.catalogueKind)!;
    const citizenId = idOf(`citizen:${r.citizenKey}`);
    const requestedBy = idOf(`employee:${r.requestedByKey}`);
    const kase = await tx.selectFrom('holistic_case').select('id').where('citizen_id', '=', citizenId).where('closed_at', 'is', null).executeTakeFirstOrThrow();
    const employee = await tx.selectFrom('employee').select('unit_id').where('id', '=', requestedBy).executeTakeFirstOrThrow();
    const roles = (await tx.selectFrom('employee_role').select('role').where('employee_id', '=', requestedBy).execute()).map((x) => x.role as EmployeeRole);
    const authority = authorityFor(
      limits.map((l) => ({ role: l.role, unitId: l.unit_id, category: l.category, maxAmountDkk: l.max_amount_dkk === null ? null : Number(l.max_amount_dkk) })),
      { roles, unitId: employee.unit_id },
      item.category,
    );
    const costDkk = computeCost(item.unitPriceDkk, r.quantity);
    // Seed data that the rules would grant at once would not be a forum request.
    if (routeRequest(authority, costDkk) !== 'forum') throw new Error(`demo forum request for ${r.citizenKey} lies within the caseworker's authority`);
    const requestedAt = new Date(now.getTime() - r.requestedDaysAgo * 86_400_000);
    const start = addDays(todayInCopenhagen(now), r.startInDays);
    const interventionId = crypto.randomUUID();
    const requestId = crypto.randomUUID();
    const legalBasis = formatLegalBasis(legalBasesUnder(item.legalBases, ruleSetId));
    await tx
      .insertInto('intervention')
      .values({
        municipality_id: municipalityId,
        id: interventionId,
        case_id: kase.id,
        title: r.title,
        sector: item.sector,
        legal_basis: legalBasis,
        status: EXECUTION_STATUS.requested,
        start_date: start,
        end_date: addDays(start, r.months * 30),
        catalogue_item_id: idOf(`catalogue:${item.kind}`),
        visitation_status: 'requested',
        quantity: r.quantity,
        unit_price_dkk: item.unitPriceDkk,
        cost_dkk: costDkk,
        rule_set_id: ruleSetId,
        created_at: requestedAt,
      })
      .execute();
    await tx
      .insertInto('visitation_request')
      .values({
        municipality_id: municipalityId,
        id: requestId,
        intervention_id: interventionId,
        case_id: kase.id,
        citizen_id: citizenId,
        forum_team_id: idOf('team:visitationsforum'),
        status: 'pending',
        cost_dkk: costDkk,
        authority_max_dkk: authority?.maxAmountDkk ?? null,
        requested_by: requestedBy,
        requested_at: requestedAt,
        caseworker_reasoning: r.reasoning,
      })
      .execute();
    const requester = await tx.selectFrom('employee').select('name').where('id', '=', requestedBy).executeTakeFirstOrThrow();
    await tx
      .insertInto('case_event')
      .values({
        municipality_id: municipalityId,
        id: crypto.randomUUID(),
        case_id: kase.id,
        occurred_at: requestedAt,
        type: 'intervention_before_forum',
        actor_kind: 'employee',
        actor_id: requestedBy,
        actor_name: requester.name,
        data: JSON.stringify({ interventionId, title: r.title, legalBasis, costDkk, ruleSetId, forumRequestId: requestId }),
      })
      .execute();
  }
}
