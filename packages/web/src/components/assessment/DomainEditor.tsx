/** One FFB life domain in the assessment: what is known, the citizen's own words, resources, barriers, functional level and notes. */
import { FUNCTIONAL_LEVEL_LABELS, FUNCTIONAL_LEVELS, type FunctionalLevel } from '@helhed/core';
import { useState } from 'react';
import type { AssessmentDomain, CaseAssessment } from '../../clients/assessment';
import { Field } from '../Field';
import { isFilled, type DomainFields } from './form';
import { SectorRecords } from './SectorRecords';

type Props = {
  caseId: string;
  domain: AssessmentDomain;
  fields: DomainFields;
  onChange: (fields: DomainFields) => void;
  onConfirmed: (a: CaseAssessment, title: string) => void;
};

export function DomainEditor({ caseId, domain, fields, onChange, onConfirmed }: Props) {
  // Open from the start where there is something to see or confirm; the rest opens on demand.
  const [initiallyOpen] = useState(() => isFilled(fields) || domain.sectorRecords.length > 0);
  const unconfirmed = domain.sectorRecords.filter((r) => !r.confirmed).length;
  const set = <K extends keyof DomainFields>(key: K, value: DomainFields[K]) => onChange({ ...fields, [key]: value });
  return (
    <details className="domain" open={initiallyOpen}>
      <summary>
        <span className="domain-name">{domain.label}</span>
        {fields.level !== 'not_assessed' && <span className="badge">{FUNCTIONAL_LEVEL_LABELS[fields.level]}</span>}
        {unconfirmed > 0 && <span className="badge badge-warn">{unconfirmed === 1 ? '1 oplysning at bekræfte' : `${unconfirmed} oplysninger at bekræfte`}</span>}
      </summary>
      <div className="domain-body">
        <SectorRecords caseId={caseId} records={domain.sectorRecords} onConfirmed={onConfirmed} />
        <Field label={<>Med borgerens egne ord<span className="visually-hidden"> – {domain.label}</span></>}>
          {(a) => <textarea {...a} rows={2} value={fields.citizenWords} onChange={(e) => set('citizenWords', e.target.value)} />}
        </Field>
        <div className="columns-2">
          <Field label={<>Ressourcer<span className="visually-hidden"> – {domain.label}</span></>}>{(a) => <textarea {...a} rows={3} value={fields.resources} onChange={(e) => set('resources', e.target.value)} />}</Field>
          <Field label={<>Barrierer<span className="visually-hidden"> – {domain.label}</span></>}>{(a) => <textarea {...a} rows={3} value={fields.barriers} onChange={(e) => set('barriers', e.target.value)} />}</Field>
        </div>
        <Field label={<>Funktionsniveau<span className="visually-hidden"> – {domain.label}</span></>}>
          {(a) => (
            <select {...a} value={fields.level} onChange={(e) => set('level', e.target.value as FunctionalLevel)}>
              {FUNCTIONAL_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {FUNCTIONAL_LEVEL_LABELS[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={<>Faglige noter<span className="visually-hidden"> – {domain.label}</span></>}>{(a) => <textarea {...a} rows={2} value={fields.notes} onChange={(e) => set('notes', e.target.value)} />}</Field>
      </div>
    </details>
  );
}
