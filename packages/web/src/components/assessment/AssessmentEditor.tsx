/**
 * The one assessment (SPEC C4): the citizen's own goals, dreams and wishes,
 * then every FFB life domain by area. Saved as a whole with the version read;
 * a stale save is refused by the server, and the person can add their edits
 * to the newer version without retyping.
 */
import { FFB_AREA_LABELS, FFB_AREAS } from '@helhed/core';
import { useEffect, useRef, useState } from 'react';
import { asApiError, get, isStaleVersion, type ApiError } from '../../api';
import { assessmentPath, saveAssessment, type CaseAssessment, type SaveAssessmentBody } from '../../clients/assessment';
import { Link } from '../../router';
import { InstantText } from '../DateText';
import { Field } from '../Field';
import { Section } from '../Section';
import { ErrorAlert, Notice } from '../Status';
import { DomainEditor } from './DomainEditor';
import { bodyOf, formOf, reapplyEdits, type AssessmentForm } from './form';

export function AssessmentEditor({ caseId, initial }: { caseId: string; initial: CaseAssessment }) {
  const [read, setRead] = useState(initial);
  const [form, setForm] = useState<AssessmentForm>(() => formOf(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [newer, setNewer] = useState<CaseAssessment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (newer) conflictRef.current?.focus();
  }, [newer]);

  async function save(status: SaveAssessmentBody['status']) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await saveAssessment(caseId, bodyOf(form, read.version, status));
      setRead(saved);
      setForm(formOf(saved));
      setNotice(saved.status === 'completed' ? `Udredningen er gemt og afsluttet (version ${saved.version}).` : `Udredningen er gemt (version ${saved.version}).`);
    } catch (e) {
      if (isStaleVersion(e)) {
        setError(e);
        try {
          setNewer(await get<CaseAssessment>(assessmentPath(caseId)));
        } catch (again) {
          setError(asApiError(again, 'Den nye version af udredningen kunne ikke hentes. Prøv igen.'));
        }
      } else setError(asApiError(e, 'Udredningen blev ikke gemt. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  }

  function reapply() {
    if (!newer) return;
    setForm(reapplyEdits(formOf(read), form, formOf(newer)));
    setRead(newer);
    setNewer(null);
    setError(null);
    setNotice(`Dine ændringer er lagt oven på version ${newer.version}, som ${newer.updatedBy ?? 'en anden'} gemte. Tjek dem, og gem igen.`);
  }

  /** A confirmation changes only the records, never what is being typed. */
  function confirmed(a: CaseAssessment, title: string) {
    setRead((r) => ({ ...r, domains: r.domains.map((d) => ({ ...d, sectorRecords: a.domains.find((x) => x.domain === d.domain)!.sectorRecords })) }));
    setNotice(`»${title}« er bekræftet.`);
  }

  const completed = read.status === 'completed';
  return (
    <>
      <Section title="Status">
        <p>
          <span className={completed ? 'badge badge-ok' : 'badge'}>{read.statusLabel}</span>{' '}
          {read.updatedAt && read.updatedBy && (
            <>
              Sidst gemt <InstantText at={read.updatedAt} time /> af {read.updatedBy} (version {read.version}).
            </>
          )}
        </p>
        <p className="item-meta">Indsatser kan godt begynde, mens udredningen er i gang. Oplysninger fra fagsystemerne står under det livsområde, de handler om.</p>
      </Section>
      <Section title="Borgerens egne mål, drømme og ønsker">
        <Field label="Med borgerens egne ord" hint="Hvad vil borgeren gerne? Det er udgangspunktet for planen.">
          {(a) => <textarea {...a} rows={3} value={form.citizenGoals} onChange={(e) => setForm({ ...form, citizenGoals: e.target.value })} />}
        </Field>
      </Section>
      {FFB_AREAS.map((area) => (
        <Section key={area} title={FFB_AREA_LABELS[area]}>
          {read.domains
            .filter((d) => d.area === area)
            .map((d) => (
              <DomainEditor
                key={d.domain}
                caseId={caseId}
                domain={d}
                fields={form.domains[d.domain]!}
                onChange={(fields) => setForm({ ...form, domains: { ...form.domains, [d.domain]: fields } })}
                onConfirmed={confirmed}
              />
            ))}
        </Section>
      ))}
      <div className="save-bar">
        {newer && (
          <div className="alert alert-warn" role="region" aria-label="Udredningen er ændret af en anden" tabIndex={-1} ref={conflictRef}>
            <p>
              <strong>{newer.updatedBy ?? 'En anden'} har gemt udredningen</strong> (version {newer.version}
              {newer.updatedAt && (
                <>
                  , <InstantText at={newer.updatedAt} time />
                </>
              )}
              ), mens du skrev. Dine ændringer er ikke gemt, men de står stadig i formularen.
            </p>
            <button type="button" className="button" onClick={reapply}>
              Læg mine ændringer oven på den nye version
            </button>
          </div>
        )}
        {!newer && <ErrorAlert error={error} />}
        <Notice message={notice} />
        <div className="button-row">
          <button type="button" className="button" onClick={() => save(completed ? 'completed' : 'in_progress')} disabled={busy || newer !== null}>
            {busy ? 'Gemmer …' : 'Gem udredningen'}
          </button>
          {!completed ? (
            <button type="button" className="button button-secondary" onClick={() => save('completed')} disabled={busy || newer !== null}>
              Gem og afslut udredningen
            </button>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => save('in_progress')} disabled={busy || newer !== null}>
              Genåbn udredningen
            </button>
          )}
          <Link href={`/sager/${encodeURIComponent(caseId)}`}>Tilbage til sagen</Link>
        </div>
      </div>
    </>
  );
}
