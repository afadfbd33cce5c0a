/**
 * Changing an appointment on the case calendar (SPEC C9.2): a single
 * appointment's time, place, who carries it and its title; for a fixed
 * (weekly) appointment just this one time — moved or cancelled — the whole
 * series, or its end. The server refuses an edit made on an old version
 * (someone else changed it first); then the calendar is read again.
 */
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_KINDS, copenhagenInstant, copenhagenWallClock, type AppointmentKind } from '@helhed/core';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, asApiError, isStaleVersion } from '../../api';
import { cancelCalendarEntry, changeOccurrence, endSeries, updateCalendarEntry, type CalendarOccurrence } from '../../clients/calendar';
import { organisationPath, partnersPath, type Organisation, type Partner } from '../../clients/organisation';
import { formatDate } from '../../format';
import { useResource } from '../../useResource';
import { Field, problemAt } from '../Field';
import { ErrorAlert } from '../Status';

type Mode = 'one' | 'series' | 'end';
type Props = { occurrence: CalendarOccurrence; onDone: (notice: string) => void; onCancel: () => void; onStale: () => void };

const wall = (iso: string) => copenhagenWallClock(new Date(iso));
const instant = (date: string, time: string) => copenhagenInstant(date, time).toISOString();

export function OccurrenceEditor({ occurrence: o, onDone, onCancel, onStale }: Props) {
  const series = o.recurrence !== null;
  const [mode, setMode] = useState<Mode>(series ? 'one' : 'series');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  async function run(action: () => Promise<unknown>, notice: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone(notice);
    } catch (e) {
      setError(asApiError(e, 'Ændringen blev ikke gemt. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  }
  const shared = { o, busy, error, run };
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
      {isStaleVersion(error) && (
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

type Shared = { o: CalendarOccurrence; busy: boolean; error: ApiError | null; run: (action: () => Promise<unknown>, notice: string) => Promise<void> };

/** Just this time of a series: moved to another day or time, cancelled, or back to the series' time. */
function OneTime({ o, busy, error, run }: Shared) {
  const [date, setDate] = useState(o.date);
  const [start, setStart] = useState(wall(o.start).time);
  const [end, setEnd] = useState(wall(o.end).time);
  const base = { version: o.version, seriesDate: o.seriesDate };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => changeOccurrence(o.entryId, { ...base, action: 'move', start: instant(date, start), end: instant(date, end) }), `»${o.title}« er flyttet til ${formatDate(date)} kl. ${start}. De andre gange er uændrede.`);
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="field-row">
        <Field label="Dato" problem={problemAt(error, 'body.start')}>
          {(a) => <input {...a} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label="Fra kl.">{(a) => <input {...a} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}</Field>
        <Field label="Til kl." problem={problemAt(error, 'body.end')}>
          {(a) => <input {...a} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
      </div>
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
function WholeEntry({ o, busy, error, run }: Shared) {
  const series = o.recurrence !== null;
  const first = wall(o.entryStart);
  const [title, setTitle] = useState(o.title);
  const [kind, setKind] = useState<AppointmentKind>(o.kind);
  const [date, setDate] = useState(first.date);
  const [start, setStart] = useState(first.time);
  const [end, setEnd] = useState(wall(o.entryEnd).time);
  const [placeName, setPlaceName] = useState(o.place.name ?? '');
  const [area, setArea] = useState(o.place.area ?? '');
  const [carrier, setCarrier] = useState(carrierValue(o));
  const [carrierText, setCarrierText] = useState(o.carrierRef.text ?? '');
  const org = useResource<Organisation>(organisationPath);
  const partners = useResource<{ items: Partner[] }>(partnersPath);
  const day = series ? first.date : date;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const placeChanged = placeName.trim() !== (o.place.name ?? '') || area.trim() !== (o.place.area ?? '');
    void run(
      () =>
        updateCalendarEntry(o.entryId, {
          version: o.version,
          title,
          kind,
          start: instant(day, start),
          end: instant(day, end),
          ...(placeChanged ? { place: { name: placeName.trim() || null, area: area.trim() || null, latitude: null, longitude: null } } : {}),
          carrier: carrierBody(carrier, carrierText),
        }),
      series ? `Den faste aftale »${title}« er ændret for alle gange.` : `Aftalen »${title}« er ændret.`,
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="field-row">
        <Field label="Titel" problem={problemAt(error, 'body.title')}>
          {(a) => <input {...a} type="text" className="wide" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label="Slags aftale">
          {(a) => (
            <select {...a} value={kind} onChange={(e) => setKind(e.target.value as AppointmentKind)}>
              {APPOINTMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {APPOINTMENT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        {!series && (
          <Field label="Dato" problem={problemAt(error, 'body.start')}>
            {(a) => <input {...a} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
        )}
        <Field label={series ? 'Hver gang fra kl.' : 'Fra kl.'} problem={series ? problemAt(error, 'body.start') : null}>
          {(a) => <input {...a} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field label="Til kl." problem={problemAt(error, 'body.end')}>
          {(a) => <input {...a} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Sted" hint="Adresse eller stedets navn." problem={problemAt(error, 'body.place.name')}>
          {(a) => <input {...a} type="text" className="wide" value={placeName} onChange={(e) => setPlaceName(e.target.value)} />}
        </Field>
        <Field label="Område" hint="Bydel eller postnummer. Bruges til transporttid." problem={problemAt(error, 'body.place.area')}>
          {(a) => <input {...a} type="text" value={area} onChange={(e) => setArea(e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Hvem står for aftalen" problem={problemAt(error, 'body.carrier')}>
          {(a) => (
            <select {...a} value={carrier} onChange={(e) => setCarrier(e.target.value)}>
              <option value="">Ingen angivet</option>
              {o.carrierRef.networkPersonId && <option value={`network:${o.carrierRef.networkPersonId}`}>{o.carrier?.name} (netværk)</option>}
              <optgroup label="Medarbejdere">
                {(org.data?.employees ?? []).map((e) => (
                  <option key={e.id} value={`employee:${e.id}`}>
                    {e.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Samarbejdspartnere">
                {(partners.data?.items ?? []).map((p) => (
                  <option key={p.id} value={`partner:${p.id}`}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
              <option value="text">Skriv et navn</option>
            </select>
          )}
        </Field>
        {carrier === 'text' && (
          <Field label="Navn på den, der står for aftalen" problem={problemAt(error, 'body.carrier.text')}>
            {(a) => <input {...a} type="text" value={carrierText} onChange={(e) => setCarrierText(e.target.value)} />}
          </Field>
        )}
      </div>
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

function carrierValue(o: CalendarOccurrence): string {
  const c = o.carrierRef;
  if (c.employeeId) return `employee:${c.employeeId}`;
  if (c.partnerId) return `partner:${c.partnerId}`;
  if (c.networkPersonId) return `network:${c.networkPersonId}`;
  return c.text ? 'text' : '';
}

function carrierBody(value: string, text: string) {
  if (value === 'text') return text.trim() ? { text: text.trim() } : null;
  const [kind, id] = value.split(':');
  if (kind === 'employee') return { employeeId: id! };
  if (kind === 'partner') return { partnerId: id! };
  if (kind === 'network') return { networkPersonId: id! };
  return null;
}
