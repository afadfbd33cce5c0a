/** Find a citizen by CPR number. The number goes in a POST body, never in the address. */
import { useId, useState, type FormEvent } from 'react';
import { post } from '../api';
import { useSubmission } from '../useSubmission';
import { Link } from '../router';
import type { CitizenSearchResult } from '../types';
import { DateText } from './DateText';
import { Section } from './Section';
import { ErrorAlert } from './Status';

export function CitizenSearch() {
  const inputId = useId();
  const hintId = useId();
  const fieldErrorId = useId();
  const [cpr, setCpr] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { busy, error, run, clear } = useSubmission('Søgningen mislykkedes. Prøv igen.');
  const [result, setResult] = useState<CitizenSearchResult | null>(null);

  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = cpr.trim();
    setResult(null);
    clear();
    if (!/^\d{6}-?\d{4}$/.test(value)) {
      setFieldError('Skriv CPR-nummeret med 10 cifre, fx 010190-1234.');
      return;
    }
    setFieldError(null);
    await run(async () => {
      setResult(await post<CitizenSearchResult>('/api/citizens/search', { cpr: value }, 'registration'));
    });
  }

  const hits = result?.results ?? [];
  return (
    <Section title="Find borger">
      <form className="search-form" method="post" onSubmit={search} noValidate>
        <div className="field">
          <label htmlFor={inputId}>CPR-nummer</label>
          <p id={hintId} className="hint">
            10 cifre, med eller uden bindestreg
          </p>
          {fieldError && (
            <p id={fieldErrorId} className="field-error">
              {fieldError}
            </p>
          )}
          <div className="search-row">
            <input
              id={inputId}
              name="cpr"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              maxLength={11}
              value={cpr}
              onChange={(e) => setCpr(e.target.value)}
              aria-describedby={fieldError ? `${hintId} ${fieldErrorId}` : hintId}
              aria-invalid={fieldError ? true : undefined}
            />
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Søger …' : 'Søg'}
            </button>
          </div>
        </div>
      </form>
      <ErrorAlert error={error} />
      <div role="status" className="search-status">
        {result && (hits.length === 0 ? 'Der er ingen borger med det CPR-nummer.' : hits.length === 1 ? 'Én borger fundet.' : `${hits.length} borgere fundet.`)}
      </div>
      {hits.length > 0 && (
        <ul className="item-list">
          {hits.map((h) => (
            <li key={h.id} className="item">
              <p className="item-title">{h.name}</p>
              <p className="item-meta">
                <span>
                  Født <DateText date={h.birthDate} />
                </span>
                <span>{h.coordinatorName ? `Koordinerende sagsbehandler: ${h.coordinatorName}` : 'Ingen koordinerende sagsbehandler'}</span>
              </p>
              <p className="item-link">
                {h.openCaseId ? (
                  <Link href={`/sager/${encodeURIComponent(h.openCaseId)}`}>
                    Åbn sagen<span className="visually-hidden"> for {h.name}</span>
                  </Link>
                ) : (
                  'Borgeren har ingen åben sag.'
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
