/** One sub-goal in the plan editor: its fields, the interventions that serve it, and moving or removing it by buttons (keyboard too). */
import { FFB_AREA_LABELS, FFB_AREAS, FFB_DOMAINS, GOAL_TYPE_LABELS, GOAL_TYPES } from '@helhed/core';
import { forwardRef, useId } from 'react';
import type { ApiError } from '../../api';
import { INTERVENTION_STATUS_LABELS } from '../../labels';
import type { Intervention } from '../../types';
import { Field, problemAt } from '../Field';
import type { DraftSubGoal } from './draft';

type Props = {
  goal: DraftSubGoal;
  index: number;
  count: number;
  interventions: Intervention[];
  error: ApiError | null;
  onChange: (goal: DraftSubGoal) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

export const SubGoalEditor = forwardRef<HTMLHeadingElement, Props>(function SubGoalEditor({ goal, index, count, interventions, error, onChange, onMove, onRemove }, headingRef) {
  const headingId = useId();
  const path = `body.subGoals.${index}`;
  const name = goal.title.trim() || 'nyt delmål';
  const set = <K extends keyof DraftSubGoal>(key: K, value: DraftSubGoal[K]) => onChange({ ...goal, [key]: value });
  const toggleIntervention = (id: string, on: boolean) =>
    set('interventionIds', on ? [...goal.interventionIds, id] : goal.interventionIds.filter((x) => x !== id));
  return (
    <section className="subgoal-editor" aria-labelledby={headingId}>
      <div className="subgoal-head">
        <h4 id={headingId} tabIndex={-1} ref={headingRef}>
          Delmål {index + 1}
          {goal.title.trim() && `: ${goal.title.trim()}`}
          {!goal.id && <span className="badge">Nyt</span>}
        </h4>
        <div className="button-row compact">
          <button type="button" className="button button-secondary button-small" onClick={() => onMove(-1)} disabled={index === 0}>
            Flyt op<span className="visually-hidden"> »{name}«</span>
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onMove(1)} disabled={index === count - 1}>
            Flyt ned<span className="visually-hidden"> »{name}«</span>
          </button>
          <button type="button" className="button button-secondary button-small" onClick={onRemove}>
            Fjern<span className="visually-hidden"> »{name}«</span>
          </button>
        </div>
      </div>
      <Field label="Titel" problem={problemAt(error, `${path}.title`)}>
        {(a) => <input {...a} type="text" className="wide" value={goal.title} onChange={(e) => set('title', e.target.value)} />}
      </Field>
      <Field label="Med borgerens egne ord (valgfri)">
        {(a) => <textarea {...a} rows={2} value={goal.citizenWords} onChange={(e) => set('citizenWords', e.target.value)} />}
      </Field>
      <div className="field-row">
        <Field label="Livsområde" problem={problemAt(error, `${path}.domain`)}>
          {(a) => (
            <select {...a} value={goal.domain} onChange={(e) => set('domain', e.target.value as DraftSubGoal['domain'])}>
              {FFB_AREAS.map((area) => (
                <optgroup key={area} label={FFB_AREA_LABELS[area]}>
                  {FFB_DOMAINS.filter((d) => d.area === area).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label="Måldato (valgfri)" problem={problemAt(error, `${path}.targetDate`)}>
          {(a) => <input {...a} type="date" value={goal.targetDate} onChange={(e) => set('targetDate', e.target.value)} />}
        </Field>
        <Field label="Første opfølgning (valgfri)" problem={problemAt(error, `${path}.followUpDate`)}>
          {(a) => <input {...a} type="date" value={goal.followUpDate} onChange={(e) => set('followUpDate', e.target.value)} />}
        </Field>
      </div>
      <fieldset>
        <legend>Måltype</legend>
        <div className="radio-row radio-wrap">
          {GOAL_TYPES.map((t) => (
            <label key={t}>
              <input type="radio" name={`${headingId}-type`} checked={goal.goalType === t} onChange={() => set('goalType', t)} /> {GOAL_TYPE_LABELS[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Indsatser, der hjælper med delmålet</legend>
        {interventions.length === 0 ? (
          <p className="empty">Sagen har ingen indsatser endnu.</p>
        ) : (
          <ul className="check-list">
            {interventions.map((i) => (
              <li key={i.id}>
                <label>
                  <input type="checkbox" checked={goal.interventionIds.includes(i.id)} onChange={(e) => toggleIntervention(i.id, e.target.checked)} /> {i.title}{' '}
                  <span className="sub-inline">({INTERVENTION_STATUS_LABELS[i.status]})</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {problemAt(error, `${path}.interventionIds`) && <p className="field-error">{problemAt(error, `${path}.interventionIds`)}</p>}
      </fieldset>
    </section>
  );
});
