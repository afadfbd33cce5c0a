/**
 * The fields of a calendar appointment — title and kind, day and clock times,
 * place, who carries it — shared by the form for a new appointment and the
 * editor of an existing one, with the translation to and from the API's body.
 */
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_KINDS, copenhagenPeriod, copenhagenWallClock, type AppointmentKind, type api } from '@helhed/core';
import { ApiError } from '../../api';
import type { CalendarOccurrence } from '../../clients/calendar';
import { organisationPath, partnersPath, type Organisation, type Partner } from '../../clients/organisation';
import type { CaseOverview } from '../../clients/overview';
import { useResource } from '../../useResource';
import { Field, problemAt } from '../Field';

export type EntryDraft = {
  title: string;
  kind: AppointmentKind;
  /** the appointment's day (a series: its first day) */
  date: string;
  from: string;
  to: string;
  placeName: string;
  area: string;
  /** 'employee:<id>', 'partner:<id>', 'network:<id>', 'name:<text>' (a contact outside the municipality), 'text' or '' (nobody) */
  carrier: string;
  carrierText: string;
};
export type ChangeDraft = (change: Partial<EntryDraft>) => void;
type Contact = CaseOverview['contacts']['items'][number];
type Carrier = (typeof api.Carrier)['_input'];
type Place = (typeof api.PlaceBody)['_input'];

/** Copenhagen's day and clock time of an instant from the API. */
export const wall = (iso: string) => copenhagenWallClock(new Date(iso));

export const emptyDraft = (date: string): EntryDraft => ({ title: '', kind: 'other', date, from: '', to: '', placeName: '', area: '', carrier: '', carrierText: '' });

/** The entry as it is: a series' first day and its time of day. */
export function draftOf(o: CalendarOccurrence): EntryDraft {
  const first = wall(o.entryStart);
  return {
    title: o.title,
    kind: o.kind,
    date: first.date,
    from: first.time,
    to: wall(o.entryEnd).time,
    placeName: o.place.name ?? '',
    area: o.place.area ?? '',
    carrier: carrierValue(o),
    carrierText: o.carrierRef.text ?? '',
  };
}

/** The start and end instants, or the fields a person has to correct (client paths 'date', 'from', 'to'). */
export function periodOrError(date: string, from: string, to: string): { start: string; end: string } | ApiError {
  const period = copenhagenPeriod(date, from, to);
  if ('start' in period) return period;
  return new ApiError(400, 'Mangler', 'Dato og klokkeslæt mangler eller har forkert form. Se felterne.', period.problems.map((p) => ({ path: p.field, message: p.message })));
}

export const placeOf = (d: EntryDraft): Place => ({ name: d.placeName.trim() || null, area: d.area.trim() || null, latitude: null, longitude: null });

export function carrierOf(d: EntryDraft): Carrier | null {
  if (d.carrier === 'text') return d.carrierText.trim() ? { text: d.carrierText.trim() } : null;
  const [kind, ...rest] = d.carrier.split(':');
  const id = rest.join(':');
  if (kind === 'employee') return { employeeId: id };
  if (kind === 'partner') return { partnerId: id };
  if (kind === 'network') return { networkPersonId: id };
  if (kind === 'name') return { text: id };
  return null;
}

function carrierValue(o: CalendarOccurrence): string {
  const c = o.carrierRef;
  if (c.employeeId) return `employee:${c.employeeId}`;
  if (c.partnerId) return `partner:${c.partnerId}`;
  if (c.networkPersonId) return `network:${c.networkPersonId}`;
  return c.text ? 'text' : '';
}

/**
 * The day and the two clock times. Without `date` (every time of a series)
 * the day is not asked, and the API's problem with the start goes to "fra".
 */
export function WhenFields({ date, from, to, change, error, everyTime = false }: { date?: string; from: string; to: string; change: ChangeDraft; error: ApiError | null; everyTime?: boolean }) {
  const startProblem = problemAt(error, 'body.start');
  return (
    <div className="field-row">
      {date !== undefined && (
        <Field label="Dato" problem={problemAt(error, 'date') ?? startProblem}>
          {(a) => <input {...a} type="date" value={date} onChange={(e) => change({ date: e.target.value })} />}
        </Field>
      )}
      <Field label={everyTime ? 'Hver gang fra kl.' : 'Fra kl.'} problem={problemAt(error, 'from') ?? (date === undefined ? startProblem : null)}>
        {(a) => <input {...a} type="time" value={from} onChange={(e) => change({ from: e.target.value })} />}
      </Field>
      <Field label="Til kl." problem={problemAt(error, 'to') ?? problemAt(error, 'body.end')}>
        {(a) => <input {...a} type="time" value={to} onChange={(e) => change({ to: e.target.value })} />}
      </Field>
    </div>
  );
}

/**
 * Title, kind, when, place and who carries it. `series`: the time of day of
 * every time, not a day. `contacts`: the case's contact persons, offered first
 * as the one who carries it. `network`: the citizen's network person who
 * carries it now (the network is not listed here).
 */
export function EntryFields({
  draft,
  change,
  error,
  series = false,
  contacts = [],
  network = null,
}: {
  draft: EntryDraft;
  change: ChangeDraft;
  error: ApiError | null;
  series?: boolean;
  contacts?: readonly Contact[];
  network?: { id: string; name: string } | null;
}) {
  return (
    <>
      <div className="field-row">
        <Field label="Titel" problem={problemAt(error, 'body.title')}>
          {(a) => <input {...a} type="text" className="wide" value={draft.title} onChange={(e) => change({ title: e.target.value })} />}
        </Field>
        <Field label="Slags aftale" problem={problemAt(error, 'body.kind')}>
          {(a) => (
            <select {...a} value={draft.kind} onChange={(e) => change({ kind: e.target.value as AppointmentKind })}>
              {APPOINTMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {APPOINTMENT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <WhenFields {...(series ? {} : { date: draft.date })} from={draft.from} to={draft.to} change={change} error={error} everyTime={series} />
      <div className="field-row">
        <Field label="Sted (valgfrit)" hint="Adresse eller stedets navn." problem={problemAt(error, 'body.place.name')}>
          {(a) => <input {...a} type="text" className="wide" value={draft.placeName} onChange={(e) => change({ placeName: e.target.value })} />}
        </Field>
        <Field label="Område (valgfrit)" hint="Bydel eller postnummer. Bruges til transporttid." problem={problemAt(error, 'body.place.area')}>
          {(a) => <input {...a} type="text" value={draft.area} onChange={(e) => change({ area: e.target.value })} />}
        </Field>
      </div>
      <CarrierFields draft={draft} change={change} error={error} contacts={contacts} network={network} />
    </>
  );
}

function CarrierFields({ draft, change, error, contacts, network }: { draft: EntryDraft; change: ChangeDraft; error: ApiError | null; contacts: readonly Contact[]; network: { id: string; name: string } | null }) {
  const org = useResource<Organisation>(organisationPath);
  const partners = useResource<{ items: Partner[] }>(partnersPath);
  const current = contacts.filter((c) => c.endedOn === null);
  // A contact who is an employee is listed once, under the case's contacts (one option per value).
  const contactEmployees = new Set(current.map((c) => c.employeeId));
  const others = (org.data?.employees ?? []).filter((e) => !contactEmployees.has(e.id));
  return (
    <div className="field-row">
      <Field label="Hvem står for aftalen (valgfrit)" problem={problemAt(error, 'body.carrier')}>
        {(a) => (
          <select {...a} value={draft.carrier} onChange={(e) => change({ carrier: e.target.value })}>
            <option value="">Ingen angivet</option>
            {network && <option value={`network:${network.id}`}>{network.name} (netværk)</option>}
            {current.length > 0 && (
              <optgroup label="Sagens kontaktpersoner">
                {current.map((c) => (
                  <option key={c.id} value={c.employeeId ? `employee:${c.employeeId}` : `name:${c.organisation ? `${c.name}, ${c.organisation}` : c.name}`}>
                    {c.name} ({c.role})
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Medarbejdere">
              {others.map((e) => (
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
      {draft.carrier === 'text' && (
        <Field label="Navn på den, der står for aftalen" problem={problemAt(error, 'body.carrier.text')}>
          {(a) => <input {...a} type="text" value={draft.carrierText} onChange={(e) => change({ carrierText: e.target.value })} />}
        </Field>
      )}
    </div>
  );
}
