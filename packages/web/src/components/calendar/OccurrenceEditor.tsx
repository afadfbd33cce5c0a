/**
 * Changing an appointment on the case calendar (SPEC C9.2): a single
 * appointment's time, place, who carries it and its title; for a fixed
 * (weekly) appointment just this one time — moved or cancelled — the whole
 * series, or its end. The server refuses an edit made on an old version
 * (someone else changed it first); then the calendar is read again.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, isStaleVersion } from '../../api';
import { useSubmission } from '../../useSubmission';
import { cancelCalendarEntry, changeOccurrence, endSeries, updateCalendarEntry, type CalendarOccurrence } from '../../clients/calendar';
import { formatDate } from '../../format';
import { Field, problemAt } from '../Field';
import { ErrorAlert } from '../Status';
import { carrierOf, draftOf, EntryFields, periodOrError, placeOf, wall, WhenFields, type EntryDraft } from './EntryFields';

type Mode = 'one' | 'series' | 'end';
type Props = { occurrence: CalendarOccurrence; onDone: (notice: string) => void; onCancel: () => void; onStale: () => void };

export function OccurrenceEditor({ occurrence: o, onDone, onCancel, onStale }: Props) {
  const series = o.recurrence !== null;
  const [mode, setMode] = useState<Mode>(series ? 'one' : 'series');
  const submission = useSubmission('Ændringen blev ikke gemt. Prøv igen.');
  const headingId = useId();

  const run = (action: () => Promise<unknown>, notice: string) =>
    submission.run(async () => {
      await action();
      onDone(notice);
    });
  const shared = { o, busy: submission.busy, error: submission.error, run, refuse: submission.refuse };
  return (
    <div className="boxed-form occurrence-editor" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Ret »{o.title}« {formatDate(o.date)}
      </h3>
      {series && (
        <fieldset className="mode-choice">
          <legend>Hvad vil du ændre?</legend>
          {(
            [
              ['one', 'Kun denne gang'],
              ['series', 'Hele den faste aftale'],
              ['end', 'Afslut den faste aftale'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input type="radio" name={`mode-${o.key}`} value={value} checked={mode === value} onChange={() => setMode(value)} /> {label}
            </label>
          ))}
        </fieldset>
      )}
      {mode === 'one' && <OneTime {...shared} />}
      {mode === 'series' && <WholeEntry {...shared} />}
      {mode === 'end' && <EndSeries {...shared} />}
      {isStaleVersion(submission.error) && (
        <button type="button" className="button button-secondary" onClick={onStale}>
          Hent kalenderen igen
        </button>
      )}
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Luk uden at ændre
      </button>
    </div>
  );
}

type Shared = {
  o: CalendarOccurrence;
  busy: boolean;
  error: ApiError | null;
  run: (action: () => Promise<unknown>, notice: string) => Promise<unknown>;
  /** a problem found before asking the server (a day or time that cannot be read) */
  refuse: (error: ApiError) => void;
};

/** Just this time of a series: moved to another day or time, cancelled, or back to the series' time. */
function OneTime({ o, busy, error, run, refuse }: Shared) {
  const [when, setWhen] = useState({ date: o.date, from: wall(o.start).time, to: wall(o.end).time });
  const base = { version: o.version, seriesDate: o.seriesDate };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const period = periodOrError(when.date, when.from, when.to);
    if (period instanceof ApiError) return refuse(period);
    void run(() => changeOccurrence(o.entryId, { ...base, action: 'move', ...period }), `»${o.title}« er flyttet til ${formatDate(when.date)} kl. ${when.from}. De andre gange er uændrede.`);
  };
  return (
    <form onSubmit={submit} noValidate>
      <WhenFields {...when} change={(c) => setWhen((w) => ({ ...w, ...c }))} error={error} />
      <ErrorAlert error={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          Flyt denne gang
        </button>
        {!o.cancelled && (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void run(() => changeOccurrence(o.entryId, { ...base, action: 'cancel' }), `»${o.title}« ${formatDate(o.seriesDate)} er aflyst. De andre gange er uændrede.`)}>
            Aflys denne gang
          </button>
        )}
        {(o.moved || o.cancelled) && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run(() => changeOccurrence(o.entryId, { ...base, action: 'restore' }), `»${o.title}« ${formatDate(o.seriesDate)} er tilbage på den faste tid.`)}>
            Tilbage til den faste tid
          </button>
        )}
      </div>
    </form>
  );
}

/** The whole entry: a single appointment, or every time of a series (its time of day, not its first day). */
function WholeEntry({ o, busy, error, run, refuse }: Shared) {
  const series = o.recurrence !== null;
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(o));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const period = periodOrError(draft.date, draft.from, draft.to);
    if (period instanceof ApiError) return refuse(period);
    const place = placeOf(draft);
    // an unchanged place is left out, so its map position stays
    const placeChanged = place.name !== o.place.name || place.area !== o.place.area;
    void run(
      () => updateCalendarEntry(o.entryId, { version: o.version, title: draft.title, kind: draft.kind, ...period, ...(placeChanged ? { place } : {}), carrier: carrierOf(draft) }),
      series ? `Den faste aftale »${draft.title}« er ændret for alle gange.` : `Aftalen »${draft.title}« er ændret.`,
    );
  };
  const network = o.carrierRef.networkPersonId ? { id: o.carrierRef.networkPersonId, name: o.carrier?.name ?? 'Person i netværket' } : null;
  return (
    <form onSubmit={submit} noValidate>
      <EntryFields draft={draft} change={(c) => setDraft((d) => ({ ...d, ...c }))} error={error} series={series} network={network} />
      <ErrorAlert error={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {series ? 'Gem for alle gange' : 'Gem ændringen'}
        </button>
        {!series && (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void run(() => cancelCalendarEntry(o.entryId, { version: o.version }), `Aftalen »${o.title}« er aflyst.`)}>
            Aflys aftalen
          </button>
        )}
      </div>
    </form>
  );
}

/** The series ends: no more times from a day on (today or later). */
function EndSeries({ o, busy, error, run }: Shared) {
  const [from, setFrom] = useState(o.seriesDate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => endSeries(o.entryId, { version: o.version, from }), `Den faste aftale »${o.title}« slutter før ${formatDate(from)}.`);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field label="Ingen flere gange fra og med" hint="Gangene før datoen bliver stående." problem={problemAt(error, 'body.from')}>
        {(a) => <input {...a} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <ErrorAlert error={error} />
      <button type="submit" className="button button-danger" disabled={busy}>
        Afslut den faste aftale
      </button>
    </form>
  );
}
