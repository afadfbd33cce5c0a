/** One goal's progression: where it stands, its course over the follow-ups (chart and table), and recording the next follow-up. */
import { PROGRESSION_MAX } from '@helhed/core';
import { useEffect, useRef, useState } from 'react';
import type { GoalProgress } from '../clients/plan';
import { DateText } from './DateText';
import { FollowUpForm } from './FollowUpForm';
import { ProgressionChart } from './ProgressionChart';
import { TableScroll } from './Section';

export function GoalFollowUps({
  caseId,
  goalId,
  goalTitle,
  progress,
  onRecorded,
}: {
  caseId: string;
  goalId: string;
  goalTitle: string;
  progress: GoalProgress;
  onRecorded: (notice: string) => void;
}) {
  const [recording, setRecording] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const [closed, setClosed] = useState(false);
  const close = () => {
    setRecording(false);
    setClosed(true);
  };
  // Back on the button that opened the form, once it is there again.
  useEffect(() => {
    if (closed) button.current?.focus();
  }, [closed]);
  const count = progress.followUps.length;
  return (
    <div className="goal-progress">
      <p className="progress-line">
        {progress.progression !== null ? (
          <>
            <meter min={1} max={PROGRESSION_MAX} value={progress.progression} aria-label={`Progression for »${goalTitle}«`}>
              {progress.progression}/{PROGRESSION_MAX}
            </meter>{' '}
            Progression {progress.progression}/{PROGRESSION_MAX}
          </>
        ) : (
          'Ingen opfølgning endnu'
        )}
        {' · '}
        {progress.achievementLabel}
        {progress.nextFollowUpOn && (
          <>
            {' · Næste opfølgning '}
            <DateText date={progress.nextFollowUpOn} />
          </>
        )}
      </p>
      {count > 0 && (
        <div className="progress-course">
          <ProgressionChart goalTitle={goalTitle} followUps={progress.followUps} />
          <details>
            <summary>
              Alle opfølgninger ({count})<span className="visually-hidden"> på »{goalTitle}«</span>
            </summary>
            <FollowUpTable goalTitle={goalTitle} followUps={progress.followUps} />
          </details>
        </div>
      )}
      {recording ? (
        <FollowUpForm
          caseId={caseId}
          goalId={goalId}
          goalTitle={goalTitle}
          onCancel={close}
          onDone={(notice) => {
            close();
            onRecorded(notice);
          }}
        />
      ) : (
        <button type="button" ref={button} className="button button-secondary button-small" onClick={() => {
            setRecording(true);
            setClosed(false);
          }}>
          Registrér opfølgning<span className="visually-hidden"> på »{goalTitle}«</span>
        </button>
      )}
    </div>
  );
}

function FollowUpTable({ goalTitle, followUps }: { goalTitle: string; followUps: GoalProgress['followUps'] }) {
  return (
    <TableScroll label={`Opfølgninger på »${goalTitle}«`}>
      <table>
        <caption className="visually-hidden">Opfølgninger på »{goalTitle}«, ældste først</caption>
        <thead>
          <tr>
            <th scope="col">Dato</th>
            <th scope="col" className="num">
              Progression
            </th>
            <th scope="col">Resultat</th>
            <th scope="col">Note</th>
            <th scope="col">Næste</th>
            <th scope="col">Af</th>
          </tr>
        </thead>
        <tbody>
          {followUps.map((f) => (
            <tr key={f.id}>
              <td>
                <DateText date={f.recordedOn} />
              </td>
              <td className="num">
                {f.progression}/{PROGRESSION_MAX}
              </td>
              <td>{f.resultLabel}</td>
              <td>{f.note || '–'}</td>
              <td>{f.nextFollowUpOn ? <DateText date={f.nextFollowUpOn} /> : '–'}</td>
              <td>{f.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
