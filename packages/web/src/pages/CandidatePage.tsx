/**
 * A candidate from the work queue: the screening result with every criterion,
 * the records behind it and the legal source, the individual assessment
 * (a procedural decision, not an appealable one: no complaint guidance), and
 * the way on — consent and the case after a positive assessment, or the
 * citizen's open case.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useSubmission } from '../useSubmission';
import { DateText, InstantText } from '../components/DateText';
import { Section, TableScroll } from '../components/Section';
import { ErrorAlert, Loading } from '../components/Status';
import { OpenCaseForm } from '../components/OpenCaseForm';
import { recordAssessment, screeningResultsPath } from '../clients/target-group';
import { CLASSIFICATION_LABELS, RECORD_KIND_LABELS, sectorLabel } from '../labels';
import { Link } from '../router';
import type { Assessment, CriterionResult, LatestAssessment, Me, ScreeningHistory, SectorRecord } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import { isUuid } from '../uuid';

export function CandidatePage({ citizenId, me }: { citizenId: string; me: Me }) {
  const valid = isUuid(citizenId);
  const history = useResource<ScreeningHistory>(valid ? screeningResultsPath(citizenId) : null, 'target_group_screening');
  const [saved, setSaved] = useState<Assessment | null>(null);
  const name = history.data?.citizenName ?? null;
  const title = name ? `Målgruppevurdering: ${name}` : 'Målgruppevurdering';
  usePageTitle(title);
  const current = history.data?.current;
  const openCase = history.data?.openCase ?? null;
  const latest = history.data?.latestAssessment ?? null;
  // an assessment made before the latest screening result does not count: the candidate is assessed again
  const outcome = saved?.outcome ?? (latest?.current ? latest.outcome : null);
  const records = new Map((current?.records ?? []).map((r) => [r.id, r]));
  return (
    <>
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <Link href="/maalgruppe">Arbejdskø</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{name ?? 'Borger'}</span>
      </nav>
      <h1 tabIndex={-1}>{title}</h1>
      {!valid && <p className="alert alert-error">Borgeren findes ikke. Tjek adressen.</p>}
      {history.loading && !history.data && <Loading what="Henter screeningen" />}
      <ErrorAlert error={history.error} />
      {current && (
        <>
          <Section title="Screeningens resultat">
            <p className="item-title">
              <span className={`badge ${current.classification === 'mandatory' ? 'badge-primary' : current.classification === 'optional' ? 'badge-ok' : 'badge-warn'}`}>
                {CLASSIFICATION_LABELS[current.classification]}
              </span>
            </p>
            <p>{current.summary}</p>
            <dl className="facts">
              <div>
                <dt>Vurderet pr.</dt>
                <dd>
                  <DateText date={current.evaluatedOn} />
                </dd>
              </div>
              <div>
                <dt>Regelsæt</dt>
                <dd>{current.ruleSetId}</dd>
              </div>
              {current.mandatoryFrom && (
                <div>
                  <dt>Skal tilbydes fra</dt>
                  <dd>
                    <DateText date={current.mandatoryFrom} />
                  </dd>
                </div>
              )}
            </dl>
          </Section>
          <Section title="Grundbetingelser">
            <Criteria items={current.gates} records={records} />
          </Section>
          <Section title="Veje ind i målgruppen">
            {current.routes.map((r) => (
              <div key={r.routeId}>
                <h3>
                  {r.label} – {r.group === 'mandatory' ? 'skal-gruppen' : 'kan-gruppen'}:{' '}
                  <span className={r.met ? 'badge badge-ok' : 'badge badge-warn'}>{r.met ? 'Opfyldt' : 'Ikke opfyldt'}</span>
                </h3>
                <Criteria items={r.criteria} records={records} />
              </div>
            ))}
          </Section>
          <RecordsSection records={current.records} />
          {openCase ? (
            <Section title="Helhedsorienteret sag">
              <p>
                {name} har allerede en åben helhedsorienteret sag i fasen »{openCase.phaseLabel}«
                {openCase.coordinatorName || openCase.teamName ? `, koordineret af ${[openCase.coordinatorName, openCase.teamName].filter(Boolean).join(' og ')}` : ''}.
              </p>
              <p>
                <Link href={`/sager/${openCase.id}`}>Gå til sagen</Link>
              </p>
            </Section>
          ) : (
            <>
              <AssessmentForm citizenId={citizenId} latest={latest} onSaved={setSaved} />
              {outcome === 'offer' && name && <OpenCaseForm citizenId={citizenId} citizenName={name} me={me} />}
            </>
          )}
        </>
      )}
    </>
  );
}

function Criteria({ items, records }: { items: CriterionResult[]; records: Map<string, SectorRecord> }) {
  return (
    <ul className="criteria">
      {items.map((c) => (
        <li key={c.criterionId} className={c.met ? 'met' : undefined}>
          <p className="item-title">
            <span>{c.met ? 'Opfyldt: ' : 'Ikke opfyldt: '}</span>
            {c.label}
          </p>
          {c.recordIds.length > 0 && (
            <p className="item-text">
              <span className="label">Registreringer:</span>{' '}
              {c.recordIds.map((id) => records.get(id)?.title ?? id).join(', ')}
            </p>
          )}
          <p className="source">
            Kilde: {c.source.law}
            {c.source.paragraph ? `, ${c.source.paragraph}` : ''} ({c.source.document})
          </p>
        </li>
      ))}
    </ul>
  );
}

function RecordsSection({ records }: { records: SectorRecord[] }) {
  return (
    <Section title="Registreringer fra fagsystemerne">
      {records.length === 0 ? (
        <p>Der er ingen registreringer.</p>
      ) : (
        <TableScroll label="Registreringer fra fagsystemerne">
          <table>
            <thead>
              <tr>
                <th scope="col">Registrering</th>
                <th scope="col">Område</th>
                <th scope="col">Hjemmel</th>
                <th scope="col">Periode</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.title}
                    <span className="cell-note">
                      {RECORD_KIND_LABELS[r.kind]} · {r.sourceSystem}
                    </span>
                  </th>
                  <td>{sectorLabel(r.sector)}</td>
                  <td>{r.legalBasis}</td>
                  <td>
                    <DateText date={r.start} /> – {r.end ? <DateText date={r.end} /> : 'nu'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

function YesNo({ legend, name, value, onChange }: { legend: string; name: string; value: boolean | null; onChange: (v: boolean) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="radio-row">
        <label>
          <input type="radio" name={name} checked={value === true} onChange={() => onChange(true)} /> Ja
        </label>
        <label>
          <input type="radio" name={name} checked={value === false} onChange={() => onChange(false)} /> Nej
        </label>
      </div>
    </fieldset>
  );
}

function AssessmentForm({ citizenId, latest, onSaved }: { citizenId: string; latest: LatestAssessment | null; onSaved: (a: Assessment) => void }) {
  const reasoningId = useId();
  const [coordinationNeed, setCoordinationNeed] = useState<boolean | null>(null);
  const [developmentPotential, setDevelopmentPotential] = useState<boolean | null>(null);
  const [reasoning, setReasoning] = useState('');
  const { busy, error, run, refuse, clear } = useSubmission('Vurderingen blev ikke gemt. Prøv igen.');
  const [result, setResult] = useState<Assessment | null>(null);
  const [again, setAgain] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    if (coordinationNeed === null || developmentPotential === null) {
      refuse('Svar på begge spørgsmål.');
      return;
    }
    await run(async () => {
      const saved = await recordAssessment(citizenId, { coordinationNeed, developmentPotential, reasoning });
      setResult(saved);
      onSaved(saved);
      requestAnimationFrame(() => resultRef.current?.focus());
    });
  }

  return (
    <Section title="Individuel vurdering">
      <div className="alert alert-info">
        <p>
          Vurderingen af, om borgeren er i målgruppen, er en <strong>processuel beslutning</strong> og ikke en afgørelse. Der kan ikke klages over
          den, og den får ingen klagevejledning.
        </p>
      </div>
      {result ? (
        <div className="alert alert-success" role="status" tabIndex={-1} ref={resultRef}>
          <p>
            <strong>Vurderingen er gemt:</strong> {result.outcome === 'offer' ? 'Borgeren skal tilbydes indsatsen.' : 'Borgeren tilbydes ikke indsatsen.'}{' '}
            <InstantText at={result.assessedAt} time />
          </p>
          <p>{result.notice}</p>
          <p>Klagevejledning: ingen – det er en processuel beslutning.</p>
        </div>
      ) : latest?.current && !again ? (
        <div className="facts-box">
          <p>
            <strong>Seneste vurdering:</strong> {latest.outcome === 'offer' ? 'Borgeren skal tilbydes indsatsen.' : 'Borgeren tilbydes ikke indsatsen.'} ({latest.assessedBy},{' '}
            <InstantText at={latest.assessedAt} />)
          </p>
          <button type="button" className="button button-secondary" onClick={() => setAgain(true)}>
            Vurdér igen
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          {latest && !latest.current && (
            <p>
              Borgeren blev vurderet <InstantText at={latest.assessedAt} /> af {latest.assessedBy}, før den seneste screening. Vurdér borgeren igen ud fra de
              nuværende oplysninger.
            </p>
          )}
          <YesNo legend="Har borgeren behov for en koordineret indsats på tværs?" name="coordination" value={coordinationNeed} onChange={setCoordinationNeed} />
          <YesNo
            legend="Har borgeren potentiale for udvikling mod job eller uddannelse?"
            name="potential"
            value={developmentPotential}
            onChange={setDevelopmentPotential}
          />
          <div className="field">
            <label htmlFor={reasoningId}>Begrundelse (mindst 10 tegn)</label>
            <textarea id={reasoningId} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />
          </div>
          <ErrorAlert error={error} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Gemmer …' : 'Gem vurderingen'}
          </button>
        </form>
      )}
    </Section>
  );
}
