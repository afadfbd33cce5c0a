/** Screening the whole municipality: a background run with a progress bar (POST, then poll). */
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api';
import { InstantText } from '../components/DateText';
import { Section } from '../components/Section';
import { ErrorAlert } from '../components/Status';
import { fetchScreeningRun, startScreening } from '../clients/screenings';
import { SCREENING_STATUS_LABELS } from '../labels';
import type { ScreeningRun } from '../types';
import { usePageTitle } from '../usePageTitle';

const POLL_MS = 1000;

export function ScreeningPage() {
  usePageTitle('Screening');
  const progressId = useId();
  const [runId, setRunId] = useState<string | null>(null);
  const [run, setRun] = useState<ScreeningRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!runId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const r = await fetchScreeningRun(runId, controller.signal);
        setRun(r);
        if (r.status === 'queued' || r.status === 'running') timer = setTimeout(poll, POLL_MS);
        else requestAnimationFrame(() => doneRef.current?.focus());
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Status for screeningen kunne ikke hentes.'));
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [runId]);

  async function start() {
    setBusy(true);
    setError(null);
    setRun(null);
    try {
      setRunId((await startScreening()).runId);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Screeningen kunne ikke startes. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  }

  const running = run !== null && (run.status === 'queued' || run.status === 'running');
  return (
    <>
      <h1 tabIndex={-1}>Screening af hele kommunen</h1>
      <p className="lead">
        Screeningen samkører kommunens data fra fagsystemerne med reglerne for målgruppen. Borgere, der er kommet i målgruppen, kommer i arbejdskøen.
      </p>
      <Section title="Start en screening">
        <p>Screeningen kører i baggrunden. Du kan følge den her.</p>
        <button type="button" className="button" onClick={start} disabled={busy || running}>
          {busy ? 'Starter …' : 'Start screening'}
        </button>
        <ErrorAlert error={error} />
      </Section>
      {run && (
        <Section title="Status">
          <label htmlFor={progressId}>
            {SCREENING_STATUS_LABELS[run.status]}: {run.citizensDone} af {run.citizensTotal} borgere
          </label>
          <progress id={progressId} className="progress" max={1} value={run.progress}>
            {Math.round(run.progress * 100)} %
          </progress>
          <div ref={doneRef} tabIndex={-1} role="status">
            {run.status === 'done' && (
              <p>
                Færdig <InstantText at={run.finishedAt ?? run.startedAt} time />: {run.mandatory} i skal-gruppen, {run.optional} i kan-gruppen,{' '}
                {run.changed} ændrede.
              </p>
            )}
            {run.status === 'failed' && <p className="alert alert-error">Screeningen fejlede: {run.error ?? 'ukendt fejl'}</p>}
          </div>
        </Section>
      )}
    </>
  );
}
