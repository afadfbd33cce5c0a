/**
 * A new appointment on the case calendar (SPEC C9.2), once or every (other)
 * week: for the case's citizen or someone in the household, possibly as part
 * of an intervention. The server checks it; the conflicts it makes show when
 * the calendar is read again.
 */
import { RECURRENCE_FREQUENCIES, RECURRENCE_LABELS, type RecurrenceFrequency } from '@helhed/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { useSubmission } from '../../useSubmission';
import { createCalendarEntry, type CalendarOccurrence } from '../../clients/calendar';
import type { CaseOverview } from '../../clients/overview';
import { formatDate, todayInDenmark } from '../../format';
import { Field, problemAt } from '../Field';
import { RadioGroup } from '../RadioGroup';
import { SectorOptionGroups } from '../SectorOptionGroups';
import { ErrorAlert } from '../Status';
import { carrierOf, emptyDraft, EntryFields, periodOrError, placeOf, wall, type EntryDraft } from './EntryFields';
import { FormButtons } from '../FormButtons';

type Repeat = 'none' | RecurrenceFrequency;
const REPEAT_OPTIONS: { value: Repeat; label: string }[] = [{ value: 'none', label: 'Ingen (kun én gang)' }, ...RECURRENCE_FREQUENCIES.map((f) => ({ value: f, label: RECURRENCE_LABELS[f] }))];

type Props = { caseId: string; overview: CaseOverview; onDone: (created: CalendarOccurrence, notice: string) => void; onCancel: () => void };

export function NewEntryForm({ caseId, overview, onDone, onCancel }: Props) {
  const [draft, setDraft] = useState<EntryDraft>(() => emptyDraft(todayInDenmark()));
  const [citizenId, setCitizenId] = useState(overview.citizen.id);
  const [interventionId, setInterventionId] = useState('');
  const [repeat, setRepeat] = useState<Repeat>('none');
  const [until, setUntil] = useState('');
  const { busy, error, run, refuse } = useSubmission('Aftalen blev ikke oprettet. Prøv igen.');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const household = overview.family.filter((m) => m.relation !== 'self' && m.sameHousehold);
  const interventions = overview.interventionsBySector
    .map((s) => ({ sector: s.sector, items: s.items.filter((i) => i.status !== 'ended') }))
    .filter((s) => s.items.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const period = periodOrError(draft.date, draft.from, draft.to);
    if (period instanceof ApiError) return refuse(period);
    if (repeat !== 'none' && !until) {
      return refuse('Skriv, hvornår gentagelsen slutter.', [{ path: 'body.recurrence.until', message: 'Skriv den sidste dag, aftalen gentages.' }]);
    }
    const place = placeOf(draft);
    const carrier = carrierOf(draft);
    await run(async () => {
      const made = await createCalendarEntry(caseId, {
        ...(citizenId !== overview.citizen.id ? { citizenId } : {}),
        ...(interventionId ? { interventionId } : {}),
        title: draft.title,
        kind: draft.kind,
        ...period,
        ...(place.name || place.area ? { place } : {}),
        ...(carrier ? { carrier } : {}),
        ...(repeat !== 'none' ? { recurrence: { frequency: repeat, until } } : {}),
      });
      const forWhom = made.citizenId === overview.citizen.id ? '' : ` for ${made.citizenName}`;
      const times = repeat === 'none' ? '' : `, ${RECURRENCE_LABELS[repeat].toLowerCase()} til og med ${formatDate(until)}`;
      onDone(made, `Aftalen er oprettet: »${made.title}«${forWhom} ${formatDate(made.date)} kl. ${wall(made.start).time}${times}.`);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="boxed-form new-entry" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} ref={heading}>
        Ny aftale
      </h3>
      <EntryFields draft={draft} change={(c) => setDraft((d) => ({ ...d, ...c }))} error={error} contacts={overview.contacts.items} />
      {(household.length > 0 || interventions.length > 0) && (
        <div className="field-row">
          {household.length > 0 && (
            <Field label="Hvem er aftalen for" problem={problemAt(error, 'body.citizenId')}>
              {(a) => (
                <select {...a} value={citizenId} onChange={(e) => setCitizenId(e.target.value)}>
                  <option value={overview.citizen.id}>{overview.citizen.name}</option>
                  {household.map((m) => (
                    <option key={m.citizenId} value={m.citizenId}>
                      {m.name} ({m.age} år)
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {interventions.length > 0 && (
            <Field label="Del af indsatsen (valgfrit)" problem={problemAt(error, 'body.interventionId')}>
              {(a) => (
                <select {...a} value={interventionId} onChange={(e) => setInterventionId(e.target.value)}>
                  <option value="">Ingen bestemt indsats</option>
                  <SectorOptionGroups groups={interventions} />
                </select>
              )}
            </Field>
          )}
        </div>
      )}
      <RadioGroup legend="Gentagelse" value={repeat} options={REPEAT_OPTIONS} onChange={setRepeat} />
      {repeat !== 'none' && (
        <Field label="Gentages til og med" hint="Den sidste dag, aftalen kan ligge på." problem={problemAt(error, 'body.recurrence')}>
          {(a) => <input {...a} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />}
        </Field>
      )}
      <ErrorAlert error={error} />
      <FormButtons busy={busy} label="Opret aftalen" busyLabel="Opretter …" onCancel={onCancel} />
    </form>
  );
}
