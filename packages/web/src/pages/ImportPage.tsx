/** Loading a feed from the sector systems: all rows or none, with the error report of a rejected file. */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { Section, TableScroll } from '../components/Section';
import { ErrorAlert } from '../components/Status';
import { contentTypeFor, errorReportUrl, uploadFeed, type Feed } from '../clients/imports';
import type { ImportSummary } from '../types';
import { usePageTitle } from '../usePageTitle';

const FEEDS: { value: Feed; label: string }[] = [
  { value: 'sector_records', label: 'Registreringer fra fagsystemerne (ydelser, planer, indsatser)' },
  { value: 'citizens', label: 'Borgere (CPR)' },
];

export function ImportPage() {
  usePageTitle('Import');
  const feedId = useId();
  const fileId = useId();
  const hintId = useId();
  const [feed, setFeed] = useState<Feed>('sector_records');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSummary(null);
    if (!file) return setError(new ApiError(400, 'Mangler', 'Vælg en fil.'));
    const type = contentTypeFor(file.name);
    if (!type) return setError(new ApiError(415, 'Forkert format', 'Filen skal være CSV (.csv) eller JSON Lines (.jsonl).'));
    setBusy(true);
    try {
      setSummary(await uploadFeed(feed, file, type));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Filen blev ikke indlæst. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>Import fra fagsystemerne</h1>
      <Section title="Indlæs en fil">
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={feedId}>Hvad indeholder filen?</label>
            <select id={feedId} value={feed} onChange={(e) => setFeed(e.target.value as Feed)}>
              {FEEDS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fileId}>Fil</label>
            <p id={hintId} className="hint">
              CSV eller JSON Lines. Enten indlæses alle rækker, eller ingen.
            </p>
            <input id={fileId} type="file" accept=".csv,.jsonl,.ndjson" aria-describedby={hintId} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <ErrorAlert error={error} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Indlæser …' : 'Indlæs filen'}
          </button>
        </form>
      </Section>
      {summary && <ImportResult summary={summary} />}
    </>
  );
}

function ImportResult({ summary: s }: { summary: ImportSummary }) {
  return (
    <Section title="Resultat">
      <div className={`alert ${s.status === 'committed' ? 'alert-success' : 'alert-error'}`} role="status">
        {s.status === 'committed' ? (
          <p>
            Filen er indlæst: {s.rowsTotal} rækker – {s.inserted} nye, {s.updated} ændrede, {s.unchanged} uændrede.
            {s.rescreening.mode !== 'none' && ' De berørte borgere screenes igen.'}
          </p>
        ) : (
          <p>
            Filen er afvist: {s.rejected} af {s.rowsTotal} rækker har fejl. Intet er ændret. <a href={errorReportUrl(s.batchId)}>Hent fejlrapporten (CSV)</a>
          </p>
        )}
      </div>
      {s.errors.length > 0 && (
        <TableScroll label="Fejl i filen">
          <table>
            <caption>De første fejl</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Linje
                </th>
                <th scope="col">Felt</th>
                <th scope="col">Fejl</th>
              </tr>
            </thead>
            <tbody>
              {s.errors.map((e) => (
                <tr key={`${e.line}:${e.field}`}>
                  <td className="num">{e.line}</td>
                  <td>{e.field}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}
