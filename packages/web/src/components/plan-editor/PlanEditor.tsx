/**
 * Writing the one plan (SPEC C5): the overall goal, prioritised sub-goals
 * (add, edit, remove, reorder by buttons), interventions linked to them and a
 * required reason. Each save is a new version; a stale one is refused by the
 * server and handled in PlanConflict without losing what was typed.
 */
import { describeOverlapDa, mergePlanEdits, type PlanContent } from '@helhed/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, asApiError, get, isStaleVersion } from '../../api';
import { planPath, planVersionsPath, savePlan, type Plan, type PlanVersionSummary } from '../../clients/plan';
import { todayInDenmark } from '../../format';
import type { Intervention, Items } from '../../types';
import { InstantText } from '../DateText';
import { Field, problemAt } from '../Field';
import { Section } from '../Section';
import { ErrorAlert } from '../Status';
import { bodyOfDraft, contentOfDraft, contentOfPlan, draftOfContent, draftProblems, emptyContent, newSubGoal, type DraftSubGoal, type PlanDraft } from './draft';
import { PlanConflict, type PlanConflictState } from './PlanConflict';
import { SubGoalEditor } from './SubGoalEditor';

type Base = { version: number; content: PlanContent; changedBy: string | null; changedAt: string | null };

const baseOf = (p: Plan | null): Base =>
  p ? { version: p.version, content: contentOfPlan(p), changedBy: p.changedBy, changedAt: p.changedAt } : { version: 0, content: emptyContent(todayInDenmark()), changedBy: null, changedAt: null };

const savedIds = (c: PlanContent) => new Set(c.subGoals.map((g) => g.id));

export function PlanEditor({ caseId, plan, interventions, onSaved }: { caseId: string; plan: Plan | null; interventions: Intervention[]; onSaved: () => void }) {
  const [base, setBase] = useState<Base>(() => baseOf(plan));
  const [draft, setDraft] = useState<PlanDraft>(() => draftOfContent(base.content, savedIds(base.content)));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<PlanConflictState | null>(null);
  const [overlaps, setOverlaps] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ goal: DraftSubGoal; index: number } | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  // After a move or an add, focus follows the sub-goal, so the keyboard user can go on from there.
  useEffect(() => {
    if (focusKey === null) return;
    headings.current.get(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  // The conflict takes the focus when it appears: it says what happened and what to do.
  useEffect(() => {
    if (conflict) conflictHeading.current?.focus();
  }, [conflict]);

  const setOverall = (key: keyof PlanDraft['overallGoal'], value: string) => setDraft((d) => ({ ...d, overallGoal: { ...d.overallGoal, [key]: value } }));
  const setSubGoal = (index: number, goal: DraftSubGoal) => setDraft((d) => ({ ...d, subGoals: d.subGoals.map((g, i) => (i === index ? goal : g)) }));
  const label = (g: DraftSubGoal) => `»${g.title.trim() || 'nyt delmål'}«`;

  function move(index: number, by: -1 | 1) {
    const to = index + by;
    if (to < 0 || to >= draft.subGoals.length) return;
    const list = [...draft.subGoals];
    const [goal] = list.splice(index, 1);
    list.splice(to, 0, goal!);
    setDraft({ ...draft, subGoals: list });
    setAnnouncement(`${label(goal!)} er flyttet til plads ${to + 1} af ${list.length}.`);
    setFocusKey(goal!.key);
  }

  function remove(index: number) {
    const goal = draft.subGoals[index]!;
    setDraft({ ...draft, subGoals: draft.subGoals.filter((_, i) => i !== index) });
    setRemoved({ goal, index });
    setAnnouncement(`${label(goal)} er fjernet. Det er først væk, når du gemmer planen.`);
  }

  function undoRemove() {
    if (!removed) return;
    const list = [...draft.subGoals];
    list.splice(Math.min(removed.index, list.length), 0, removed.goal);
    setDraft({ ...draft, subGoals: list });
    setAnnouncement(`${label(removed.goal)} er sat ind igen.`);
    setFocusKey(removed.goal.key);
    setRemoved(null);
  }

  function add() {
    const goal = newSubGoal();
    setDraft({ ...draft, subGoals: [...draft.subGoals, goal] });
    setAnnouncement(`Nyt delmål tilføjet som nummer ${draft.subGoals.length + 1}.`);
    setFocusKey(goal.key);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const problems = draftProblems(draft, reason);
    if (problems.length) {
      setError(new ApiError(400, 'Mangler', 'Planen kan ikke gemmes endnu. Ret de markerede felter.', problems));
      requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: 'center' }));
      return;
    }
    setBusy(true);
    try {
      const p = await savePlan(caseId, bodyOfDraft(draft, base.version, reason));
      const next = baseOf(p);
      setBase(next);
      setDraft(draftOfContent(next.content, savedIds(next.content)));
      setReason('');
      setOverlaps([]);
      setRemoved(null);
      setSaved(`Planen er gemt som version ${p.version}.`);
      onSaved();
    } catch (e) {
      if (isStaleVersion(e)) await showConflict();
      else setError(asApiError(e, 'Planen blev ikke gemt. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  }

  async function showConflict() {
    try {
      const [theirs, versions] = await Promise.all([get<Plan>(planPath(caseId)), get<Items<PlanVersionSummary>>(planVersionsPath(caseId))]);
      setConflict({ theirs, newer: versions.items.filter((v) => v.version > base.version).sort((a, b) => a.version - b.version) });
    } catch (e) {
      setError(asApiError(e, 'Planen er ændret af en anden, og den nye version kunne ikke hentes. Prøv igen.'));
    }
  }

  function reapply() {
    if (!conflict) return;
    const theirs = baseOf(conflict.theirs);
    const merged = mergePlanEdits(base.content, contentOfDraft(draft, base.content.overallGoal.id), theirs.content);
    setDraft(draftOfContent(merged.content, savedIds(theirs.content)));
    setBase(theirs);
    setOverlaps(merged.overlaps.map(describeOverlapDa));
    setConflict(null);
    setAnnouncement(`Dine ændringer er lagt oven på version ${theirs.version}. Tjek planen, og gem den igen.`);
  }

  function discardMine() {
    if (!conflict) return;
    const theirs = baseOf(conflict.theirs);
    setDraft(draftOfContent(theirs.content, savedIds(theirs.content)));
    setBase(theirs);
    setOverlaps([]);
    setConflict(null);
    setAnnouncement(`Dine ændringer er kasseret. Formularen viser nu version ${theirs.version}.`);
  }

  return (
    <Section title={base.version === 0 ? 'Lav planen' : 'Ret planen'}>
      <p className="hint">
        {base.version === 0 ? (
          'Der er ingen plan endnu: du laver version 1.'
        ) : (
          <>
            Du retter version {base.version}
            {base.changedBy && base.changedAt && (
              <>
                , gemt <InstantText at={base.changedAt} time /> af {base.changedBy}
              </>
            )}
            . Når du gemmer, bliver det version {base.version + 1}.
          </>
        )}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <form onSubmit={save} noValidate>
        <Field label="Planen gælder fra" problem={problemAt(error, 'body.startDate')}>
          {(a) => <input {...a} type="date" value={draft.startDate} onChange={(e) => setDraft({ ...draft, startDate: e.target.value })} />}
        </Field>
        <fieldset className="group">
          <legend>Overordnet mål</legend>
          <Field label="Borgerens mål med egne ord" problem={problemAt(error, 'body.overallGoal.citizenWords')}>
            {(a) => <textarea {...a} rows={2} value={draft.overallGoal.citizenWords} onChange={(e) => setOverall('citizenWords', e.target.value)} />}
          </Field>
          <Field label="Sagsbehandlerens formulering (valgfri)" hint="Fx at mestre eget liv og komme tættere på job eller uddannelse.">
            {(a) => <textarea {...a} rows={2} value={draft.overallGoal.caseworkerText} onChange={(e) => setOverall('caseworkerText', e.target.value)} />}
          </Field>
          <div className="field-row">
            <Field label="Måldato (valgfri)" problem={problemAt(error, 'body.overallGoal.targetDate')}>
              {(a) => <input {...a} type="date" value={draft.overallGoal.targetDate} onChange={(e) => setOverall('targetDate', e.target.value)} />}
            </Field>
            <Field label="Første opfølgning (valgfri)" problem={problemAt(error, 'body.overallGoal.followUpDate')}>
              {(a) => <input {...a} type="date" value={draft.overallGoal.followUpDate} onChange={(e) => setOverall('followUpDate', e.target.value)} />}
            </Field>
          </div>
        </fieldset>
        <h3>Delmål – det vigtigste først</h3>
        {draft.subGoals.length === 0 && <p className="empty">Planen har ingen delmål endnu.</p>}
        {draft.subGoals.map((g, i) => (
          <SubGoalEditor
            key={g.key}
            ref={(el) => {
              if (el) headings.current.set(g.key, el);
              else headings.current.delete(g.key);
            }}
            goal={g}
            index={i}
            count={draft.subGoals.length}
            interventions={interventions}
            error={error}
            onChange={(goal) => setSubGoal(i, goal)}
            onMove={(by) => move(i, by)}
            onRemove={() => remove(i)}
          />
        ))}
        <div className="button-row spaced">
          <button type="button" className="button button-secondary" onClick={add}>
            Tilføj delmål
          </button>
          {removed && (
            <button type="button" className="button button-secondary" onClick={undoRemove}>
              Fortryd: sæt {label(removed.goal)} ind igen
            </button>
          )}
        </div>
        {overlaps.length > 0 && (
          <div className="alert alert-warn">
            <p>
              <strong>Tjek disse steder, før du gemmer:</strong>
            </p>
            <ul>
              {overlaps.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </div>
        )}
        {conflict && <PlanConflict ref={conflictHeading} conflict={conflict} myVersion={base.version} onReapply={reapply} onDiscard={discardMine} />}
        <Field
          label={base.version === 0 ? 'Hvorfor laves planen nu?' : 'Hvorfor ændres planen?'}
          hint={`${base.version === 0 ? 'Fx »Første plan, lavet sammen med borgeren«. ' : ''}Står i versionshistorikken sammen med dit navn og tidspunktet.`}
          problem={problemAt(error, 'body.reason')}
        >
          {(a) => <textarea {...a} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <div ref={errorRef}>
          <ErrorAlert error={error} />
        </div>
        <div role="status">{saved && <p className="alert alert-success">{saved}</p>}</div>
        <button type="submit" className="button" disabled={busy || conflict !== null}>
          {busy ? 'Gemmer …' : 'Gem planen'}
        </button>
      </form>
    </Section>
  );
}
