/**
 * After the municipality upheld the decision: the case bundle for
 * Ankestyrelsen (fetching it is an audited export) and, when it comes,
 * Ankestyrelsen's result — which the server acts on (a task, or the case
 * back to the decision phase when it is remitted).
 */
import { APPEAL_RESULT_LABELS, APPEAL_RESULTS } from '@helhed/core';
import { useEffect, useId, useState } from 'react';
import { seg } from '../../api';
import { useSubmission } from '../../useSubmission';
import { fetchBundle, recordAppealResult, type AppealResult, type Complaint, type ComplaintBundle } from '../../clients/complaints';
import { todayInDenmark } from '../../format';
import { Link } from '../../router';
import { DateText } from '../DateText';
import { RadioGroup } from '../RadioGroup';
import { Section, TableScroll } from '../Section';
import { ErrorAlert, Loading } from '../Status';
import { useStep } from './useStep';

const RESULT_HINTS: Record<AppealResult, string> = {
  stadfaestet: 'Ankestyrelsen giver kommunen ret. Klagesagen afsluttes.',
  aendret: 'Ankestyrelsen har ændret afgørelsen. Du får en opgave om at gennemføre den.',
  ophaevet: 'Ankestyrelsen har ophævet afgørelsen. Du får en opgave om at gennemføre resultatet.',
  hjemvist: 'Sagen sendes tilbage til kommunen. Sagen går tilbage til afgørelse, og du får en opgave om at træffe en ny.',
};

export function AppealSection({ c, onDone }: { c: Complaint; onDone: (c: Complaint) => void }) {
  return (
    <Section title="Ankestyrelsen">
      <Bundle complaintId={c.id} />
      <h3>Ankestyrelsens afgørelse</h3>
      {c.appealResult ? (
        <>
          <p className="alert alert-success" role="status">
            Ankestyrelsens afgørelse er registreret: <strong>{c.appealResult.resultLabel}</strong> (modtaget <DateText date={c.appealResult.receivedOn} />).
          </p>
          {c.appealResult.note && <p>Note: {c.appealResult.note}</p>}
          {c.appealResult.taskId && (
            <p>
              Der er oprettet en opgave til den koordinerende sagsbehandler. <Link href={`/sager/${seg(c.caseId)}#opgaver`}>Se sagens opgaver</Link>.
            </p>
          )}
        </>
      ) : (
        <ResultForm c={c} onDone={onDone} />
      )}
    </Section>
  );
}

function Bundle({ complaintId }: { complaintId: string }) {
  const [bundle, setBundle] = useState<ComplaintBundle | null>(null);
  const { busy, error, run } = useSubmission('Sagsakterne kunne ikke hentes. Prøv igen.');
  const [file, setFile] = useState<string | null>(null);
  useEffect(() => () => (file ? URL.revokeObjectURL(file) : undefined), [file]);
  const fetchIt = async () => {
    await run(async () => {
      const b = await fetchBundle(complaintId);
      setBundle(b);
      setFile(URL.createObjectURL(new Blob([JSON.stringify(b, null, 2)], { type: 'application/json' })));
    });
  };
  return (
    <>
      <h3>Sagens akter</h3>
      <p>Klagen, afgørelsen, genvurderingen og sagens materiale samles med en fortegnelse, så de kan sendes til Ankestyrelsen. Det bliver logget, at akterne er hentet.</p>
      {!bundle && (
        <button type="button" className="button button-secondary" onClick={fetchIt} disabled={busy}>
          {busy ? 'Samler akterne …' : 'Saml sagens akter til Ankestyrelsen'}
        </button>
      )}
      {busy && <Loading what="Henter sagsakterne" />}
      <ErrorAlert error={error} />
      {bundle && (
        <>
          <TableScroll label="Aktfortegnelse">
            <table>
              <caption>Aktfortegnelse ({bundle.index.length} akter)</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Nr.
                  </th>
                  <th scope="col">Akt</th>
                  <th scope="col">Dato</th>
                </tr>
              </thead>
              <tbody>
                {bundle.index.map((d) => (
                  <tr key={d.key}>
                    <td className="num">{d.no}</td>
                    <th scope="row">{d.title}</th>
                    <td>{d.date ? <DateText date={d.date} /> : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {file && (
            <p>
              <a className="button button-secondary" href={file} download={`klagesag-${complaintId}.json`}>
                Gem akterne som fil (JSON)
              </a>
            </p>
          )}
        </>
      )}
    </>
  );
}

function ResultForm({ c, onDone }: { c: Complaint; onDone: (c: Complaint) => void }) {
  const base = useId();
  const today = todayInDenmark();
  const [result, setResult] = useState<AppealResult | null>(null);
  const [receivedOn, setReceivedOn] = useState(today);
  const [note, setNote] = useState('');
  const step = useStep(onDone, 'Resultatet kunne ikke gemmes. Prøv igen.');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!result) return step.refuse('Vælg Ankestyrelsens resultat.');
    return step.run(() => recordAppealResult(c.id, { version: c.version, result, receivedOn, ...(note.trim() ? { note } : {}) }));
  };
  return (
    <form onSubmit={submit} noValidate className="work-form">
      <p>Registrér Ankestyrelsens afgørelse, når den kommer.</p>
      <RadioGroup legend="Ankestyrelsens resultat" value={result} onChange={setResult} options={APPEAL_RESULTS.map((r) => ({ value: r, label: APPEAL_RESULT_LABELS[r], hint: RESULT_HINTS[r] }))} />
      <div className="field">
        <label htmlFor={`${base}-d`}>Modtaget den</label>
        <input type="date" id={`${base}-d`} min={c.forwardedOn ?? undefined} max={today} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} aria-invalid={step.error?.errors.some((x) => x.path === 'body.receivedOn') ?? false} />
      </div>
      <div className="field">
        <label htmlFor={`${base}-n`}>Note (valgfri)</label>
        <textarea id={`${base}-n`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorAlert error={step.error} />
      <button type="submit" className="button" disabled={step.busy}>
        Registrér resultatet
      </button>
    </form>
  );
}
