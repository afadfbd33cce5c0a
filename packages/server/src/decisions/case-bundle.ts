/**
 * The case bundle sent to Ankestyrelsen when the municipality upholds a
 * decision after a complaint (SPEC C8): the decision as sent, the complaint,
 * the reassessment, and the case material the board needs, with an index
 * listing every document and its date.
 *
 * Each section is one function below.
 */
import { CASE_EVENT_LABELS, todayInCopenhagen, type api } from '@helhed/core';
import type { z } from 'zod';
import type { Tx } from '../db/transactions';
import type { ComplaintDto } from './complaint-store';
import { readDecisions } from './decision-store';
import { readAssessment } from '../services/assessment';
import { planHistory } from '../services/plan';
import { readPlan } from '../services/plan-read';

type Bundle = z.infer<typeof api.ComplaintBundle>;

interface BundleDocument {
  key: string;
  title: string;
  kind: string;
  date: string | null;
  content: unknown;
}

interface BundleContext {
  tx: Tx;
  complaint: ComplaintDto;
  now: Date;
}

type Section = (c: BundleContext) => Promise<BundleDocument[]>;

const day = (d: Date) => d.toISOString().slice(0, 10);

const decisionSection: Section = async ({ tx, complaint }) => {
  const [decision] = await readDecisions(tx, { ids: [complaint.decisionId] });
  const letter = (await tx.selectFrom('decision').select('letter').where('id', '=', complaint.decisionId).executeTakeFirstOrThrow()).letter;
  return [{ key: 'afgoerelse', title: `${decision!.title} (den påklagede afgørelse)`, kind: 'decision', date: decision!.decisionDate, content: { decision, letter } }];
};

const earlierDecisionsSection: Section = async ({ tx, complaint }) => {
  const all = await readDecisions(tx, { caseId: complaint.caseId }, { issuedOnly: true });
  return all
    .filter((d) => d.id !== complaint.decisionId)
    .map((d) => ({ key: `afgoerelse-${d.id}`, title: `${d.title} (øvrig afgørelse i sagen)`, kind: 'decision', date: d.decisionDate, content: d }));
};

const complaintSection: Section = async ({ complaint }) => {
  const { reassessment, ...received } = complaint;
  const docs: BundleDocument[] = [{ key: 'klage', title: 'Borgerens klage', kind: 'complaint', date: complaint.receivedOn, content: received }];
  if (reassessment) {
    docs.push({ key: 'genvurdering', title: 'Kommunens genvurdering', kind: 'reassessment', date: reassessment.decidedOn, content: reassessment });
  }
  return docs;
};

const interventionsSection: Section = async ({ tx, complaint }) => {
  const rows = await tx
    .selectFrom('intervention')
    .select(['id', 'title', 'sector', 'legal_basis', 'status', 'start_date', 'end_date'])
    .where('case_id', '=', complaint.caseId)
    .orderBy('created_at')
    .execute();
  return [{ key: 'indsatser', title: 'Sagens indsatser', kind: 'interventions', date: null, content: rows }];
};

const targetGroupAssessmentSection: Section = async ({ tx, complaint }) => {
  const rows = await tx
    .selectFrom('target_group_assessment as a')
    .innerJoin('holistic_case as k', 'k.citizen_id', 'a.citizen_id')
    .select(['a.id', 'a.coordination_need', 'a.development_potential', 'a.reasoning', 'a.outcome', 'a.assessed_at', 'a.rule_set_id'])
    .where('k.id', '=', complaint.caseId)
    .orderBy('a.assessed_at')
    .execute();
  return rows.map((r) => ({ key: `maalgruppevurdering-${r.id}`, title: 'Målgruppevurdering', kind: 'assessment', date: day(r.assessed_at), content: r }));
};

/** The plan as it stands (goals in the citizen's words, linked interventions, progression) and every earlier version. */
const planSection: Section = async ({ tx, complaint, now }) => {
  const plan = await readPlan(tx, complaint.caseId, todayInCopenhagen(now));
  if (!plan) return [];
  const history = await planHistory(tx, complaint.caseId);
  return [
    { key: 'plan', title: `Borgerens plan (version ${plan.version}, gældende)`, kind: 'plan', date: plan.changedAt.slice(0, 10), content: plan },
    { key: 'plan-historik', title: 'Planens versioner (hvem, hvornår, hvorfor og hvad der blev ændret)', kind: 'plan_history', date: history.at(-1)?.changedAt.slice(0, 10) ?? null, content: history },
  ];
};

/** The assessment over the life domains (udredning), when one has been made. */
const caseAssessmentSection: Section = async ({ tx, complaint }) => {
  const assessment = await readAssessment(tx, complaint.caseId);
  if (assessment.version === 0) return [];
  return [{ key: 'udredning', title: `Udredning af borgerens situation (${assessment.statusLabel.toLowerCase()})`, kind: 'case_assessment', date: assessment.updatedAt?.slice(0, 10) ?? null, content: assessment }];
};

const caseHistorySection: Section = async ({ tx, complaint }) => {
  const rows = await tx
    .selectFrom('case_event')
    .select(['occurred_at', 'type', 'actor_name', 'data'])
    .where('case_id', '=', complaint.caseId)
    .orderBy('occurred_at')
    .orderBy('seq')
    .execute();
  const events = rows.map((r) => ({ occurredAt: r.occurred_at.toISOString(), type: r.type, label: CASE_EVENT_LABELS[r.type] ?? r.type, actor: r.actor_name, data: r.data }));
  return [{ key: 'sagsforloeb', title: 'Sagens forløb (hændelser og notater)', kind: 'case_history', date: rows.length ? day(rows.at(-1)!.occurred_at) : null, content: events }];
};

/** In this order in the index. */
const SECTIONS: readonly Section[] = [decisionSection, complaintSection, earlierDecisionsSection, interventionsSection, targetGroupAssessmentSection, caseAssessmentSection, planSection, caseHistorySection];

export async function buildCaseBundle(tx: Tx, complaint: ComplaintDto, now: Date): Promise<Bundle> {
  const documents: BundleDocument[] = [];
  for (const section of SECTIONS) documents.push(...(await section({ tx, complaint, now })));
  return {
    complaintId: complaint.id,
    caseId: complaint.caseId,
    exportedAt: now.toISOString(),
    recipient: 'Ankestyrelsen',
    index: documents.map((d, i) => ({ no: i + 1, key: d.key, title: d.title, kind: d.kind, date: d.date })),
    documents: Object.fromEntries(documents.map((d) => [d.key, d.content])),
  };
}
