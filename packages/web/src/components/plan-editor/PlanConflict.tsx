/**
 * The plan was saved by someone else while this person was editing (409): say
 * so in plain Danish, show what the newer versions changed (who, when, why),
 * and offer to add this person's edits on top of the newest version, or to
 * drop them. Nothing typed is lost either way until they choose.
 */
import { forwardRef, useId } from 'react';
import type { Plan, PlanVersionSummary } from '../../clients/plan';
import { InstantText } from '../DateText';

export type PlanConflictState = { theirs: Plan; newer: PlanVersionSummary[] };

type Props = { conflict: PlanConflictState; myVersion: number; onReapply: () => void; onDiscard: () => void };

export const PlanConflict = forwardRef<HTMLHeadingElement, Props>(function PlanConflict({ conflict, myVersion, onReapply, onDiscard }, headingRef) {
  const headingId = useId();
  const latest = conflict.newer.at(-1);
  return (
    <div className="alert alert-warn conflict" role="region" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} ref={headingRef}>
        Planen er ændret af en anden, mens du skrev
      </h3>
      <p>
        Du rettede i version {myVersion}, men {latest ? latest.changedBy : 'en anden'} har gemt version {conflict.theirs.version}
        {latest && (
          <>
            {' '}
            (<InstantText at={latest.changedAt} time />)
          </>
        )}
        . <strong>Dine ændringer er ikke gemt, men de er ikke tabt:</strong> de står stadig i formularen.
      </p>
      <h4>Det er ændret siden version {myVersion}</h4>
      <ul className="change-list">
        {conflict.newer.map((v) => (
          <li key={v.version}>
            <p>
              <strong>Version {v.version}</strong> af {v.changedBy}, <InstantText at={v.changedAt} time />. Årsag: {v.reason}
            </p>
            <ul>
              {v.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button" onClick={onReapply}>
          Læg mine ændringer oven på version {conflict.theirs.version}
        </button>
        <button type="button" className="button button-secondary" onClick={onDiscard}>
          Kassér mine ændringer
        </button>
      </div>
    </div>
  );
});
