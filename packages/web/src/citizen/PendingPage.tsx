/**
 * The citizen's services besides the plan and consents: calendar, decisions
 * with their letters (PDF), complaint, messages to the caseworker, the survey.
 * Plain Danish, phone first, dkfds markup.
 */
import { useId, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { myCalendarPath, type Calendar } from '../clients/calendar';
import { COMPLAINT_STATUS_LABELS, fileComplaint, type Complaint } from '../clients/complaints';
import { decisionsPath, type DecisionList } from '../clients/decisions';
import { letterPdfUrl, lettersPath, type LetterList } from '../clients/letters';
import { myMessagesPath, reply, threadPath, writeToCaseworker, type MessageThread, type MessageThreadList } from '../clients/messages';
import { answerSurvey, surveyPath, type SurveyState } from '../clients/survey';
import { CalendarView } from '../components/calendar/CalendarView';
import { DateText, InstantText } from '../components/DateText';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import type { CitizenContext } from './CitizenApp';
import { Alert, BackLink, Loading, ProblemAlert } from './ui';
import { withMember } from '../sets';

export type PendingPageSpec = { href: string; title: string; help: string; render: (ctx: CitizenContext) => ReactNode };

export const PENDING_PAGES: PendingPageSpec[] = [
  { href: '/borger/kalender', title: 'Min kalender', help: 'Dine aftaler med kommunen og andre samlet ét sted.', render: () => <CalendarContent /> },
  { href: '/borger/afgoerelser', title: 'Mine afgørelser', help: 'Læs de afgørelser, kommunen har truffet om din hjælp.', render: (ctx) => <DecisionsContent ctx={ctx} /> },
  { href: '/borger/klage', title: 'Klag over en afgørelse', help: 'Klag over hele afgørelsen eller en del af den.', render: (ctx) => <ComplaintContent ctx={ctx} /> },
  { href: '/borger/beskeder', title: 'Skriv til din kontaktperson', help: 'Send en besked og læs svar fra din kontaktperson.', render: () => <MessagesContent /> },
  {
    href: '/borger/spoergeskema',
    title: 'Oplever du et sammenhængende forløb?',
    help: 'Svar på et kort spørgsmål om, hvordan du oplever hjælpen fra kommunen.',
    render: () => <SurveyContent />,
  },
];

export function PendingPage({ page, ctx }: { page: PendingPageSpec; ctx: CitizenContext }) {
  usePageTitle(page.title);
  return (
    <>
      <BackLink />
      <h1 tabIndex={-1}>{page.title}</h1>
      {page.render(ctx)}
    </>
  );
}

const asError = (e: unknown, text: string) => (e instanceof ApiError ? e : new ApiError(0, 'Fejl', text));

function CalendarContent() {
  const r = useResource<Calendar>(myCalendarPath);
  return (
    <>
      {r.loading && !r.data && <Loading />}
      <ProblemAlert error={r.error} />
      {r.data && <CalendarView cal={r.data} you />}
    </>
  );
}

function DecisionsContent({ ctx }: { ctx: CitizenContext }) {
  const caseId = ctx.citizen.data?.openCaseId ?? null;
  const decisions = useResource<DecisionList>(caseId ? decisionsPath(caseId) : null);
  const letters = useResource<LetterList>(lettersPath(ctx.session.me.id));
  const issued = (decisions.data?.items ?? []).filter((d) => d.status === 'issued');
  return (
    <>
      {(decisions.loading || letters.loading) && <Loading />}
      <ProblemAlert error={decisions.error ?? letters.error} />
      {ctx.citizen.data && (caseId === null || (decisions.data && issued.length === 0)) && <p>Du har ikke fået nogen afgørelser endnu.</p>}
      {issued.length > 0 && (
        <ul className="nav-list letter-list">
          {issued.map((d) => {
            const letter = letters.data?.items.find((l) => l.decisionId === d.id);
            return (
              <li key={d.id}>
                {letter ? <a href={letterPdfUrl(letter.id)}>{d.title} (PDF)</a> : <strong>{d.title}</strong>}
                <span className="helptext">
                  {d.decisionDate && (
                    <>
                      Truffet <DateText date={d.decisionDate} />.{' '}
                    </>
                  )}
                  {letter ? `Sendt med ${letter.channelLabel} · ${letter.statusLabel}. ` : 'Brevet er på vej til dig. '}
                  {d.complaintDeadline && (
                    <>
                      Du kan klage indtil <DateText date={d.complaintDeadline} />.
                    </>
                  )}
                </span>
                <ul>
                  {d.elements.map((e) => (
                    <li key={e.id}>
                      {e.title}
                      {!e.appealable && ' (kan ikke påklages)'}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function ComplaintContent({ ctx }: { ctx: CitizenContext }) {
  const caseId = ctx.citizen.data?.openCaseId ?? null;
  const decisions = useResource<DecisionList>(caseId ? decisionsPath(caseId) : null);
  const issued = (decisions.data?.items ?? []).filter((d) => d.status === 'issued');
  const [decisionId, setDecisionId] = useState<string>('');
  const [scope, setScope] = useState<'whole' | 'elements'>('whole');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [receipt, setReceipt] = useState<Complaint | null>(null);
  const base = useId();
  const current = issued.find((d) => d.id === decisionId) ?? issued[0];
  if (ctx.citizen.data && caseId === null) return <p>Du har ingen afgørelser at klage over.</p>;
  if (receipt) {
    return (
      <Alert variant="success" heading="Vi har modtaget din klage">
        <p>
          {COMPLAINT_STATUS_LABELS[receipt.status]}. Kommunen ser på afgørelsen igen senest <DateText date={receipt.reassessmentDeadline} />.
        </p>
        {receipt.notCovered.length > 0 && (
          <ul>
            {receipt.notCovered.map((n) => (
              <li key={n.id}>
                {n.title}: {n.reason}
              </li>
            ))}
          </ul>
        )}
      </Alert>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      setReceipt(await fileComplaint(current.id, scope === 'whole' ? { scope, text } : { scope, elementIds: [...chosen], text }));
    } catch (err) {
      setError(asError(err, 'Klagen kunne ikke sendes. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {decisions.loading && <Loading />}
      <ProblemAlert error={decisions.error} />
      {decisions.data && issued.length === 0 && <p>Du har ingen afgørelser at klage over.</p>}
      {current && (
        <form onSubmit={submit} noValidate>
          <p>Du har 4 uger fra du fik afgørelsen til at klage. Kommunen ser først på afgørelsen igen.</p>
          {issued.length > 1 && (
            <div className="form-group">
              <label className="form-label" htmlFor={`${base}-d`}>
                Afgørelse
              </label>
              <select className="form-select" id={`${base}-d`} value={current.id} onChange={(e) => setDecisionId(e.target.value)}>
                {issued.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title} ({d.decisionDate})
                  </option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="form-group">
            <legend className="form-label">Hvad vil du klage over?</legend>
            <div className="form-group-radio">
              <input className="form-radio" type="radio" id={`${base}-w`} name={`${base}-scope`} checked={scope === 'whole'} onChange={() => setScope('whole')} />
              <label htmlFor={`${base}-w`}>Hele afgørelsen</label>
            </div>
            <div className="form-group-radio">
              <input className="form-radio" type="radio" id={`${base}-e`} name={`${base}-scope`} checked={scope === 'elements'} onChange={() => setScope('elements')} />
              <label htmlFor={`${base}-e`}>En eller flere dele af den</label>
            </div>
          </fieldset>
          {scope === 'elements' && (
            <fieldset className="form-group">
              <legend className="form-label">Vælg de dele, du klager over</legend>
              {current.elements.map((el) => (
                <div className="form-group-checkbox" key={el.id}>
                  <input
                    className="form-checkbox"
                    type="checkbox"
                    id={`${base}-${el.id}`}
                    checked={chosen.has(el.id)}
                    onChange={(e) => setChosen((s) => withMember(s, el.id, e.target.checked))}
                  />
                  <label htmlFor={`${base}-${el.id}`}>{el.title}</label>
                </div>
              ))}
            </fieldset>
          )}
          <div className="form-group">
            <label className="form-label" htmlFor={`${base}-t`}>
              Skriv, hvorfor du klager
            </label>
            <textarea className="form-input" id={`${base}-t`} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <ProblemAlert error={error} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Sender …' : 'Send klagen'}
          </button>
        </form>
      )}
    </>
  );
}

function MessagesContent() {
  const threads = useResource<MessageThreadList>(myMessagesPath);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {threads.loading && !threads.data && <Loading />}
      <ProblemAlert error={threads.error} />
      {threads.data && threads.data.items.length === 0 && <p>Du har ingen beskeder endnu.</p>}
      {threads.data && threads.data.items.length > 0 && (
        <ul className="nav-list">
          {threads.data.items.map((t) => (
            <li key={t.id}>
              <button type="button" className="button button-unstyled function-link" aria-expanded={open === t.id} onClick={() => setOpen(open === t.id ? null : t.id)}>
                {t.subject}
                {t.unread > 0 && ` (${t.unread} ulæst${t.unread === 1 ? '' : 'e'})`}
              </button>
              <span className="helptext">
                Seneste besked <InstantText at={t.lastMessageAt} time />
              </span>
              {open === t.id && <Thread id={t.id} onChanged={threads.reload} />}
            </li>
          ))}
        </ul>
      )}
      <NewMessage onSent={threads.reload} />
    </>
  );
}

function Thread({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useResource<MessageThread>(threadPath(id));
  return (
    <div className="thread">
      {t.loading && !t.data && <Loading />}
      <ProblemAlert error={t.error} />
      {t.data && (
        <ol className="messages">
          {t.data.items.map((m) => (
            <li key={m.id} className={m.author === 'citizen' ? 'from-me' : 'from-them'}>
              <p className="helptext">
                {m.author === 'citizen' ? 'Dig' : m.authorName}, <InstantText at={m.sentAt} time />
              </p>
              <p>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <MessageForm
        label="Dit svar"
        button="Send svar"
        send={async (body) => {
          await reply(id, body);
          t.reload();
          onChanged();
        }}
      />
    </div>
  );
}

function NewMessage({ onSent }: { onSent: () => void }) {
  const [subject, setSubject] = useState('');
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="citizen-card">
      <h2 id={`${id}-h`}>Ny besked</h2>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-s`}>
          Emne
        </label>
        <input className="form-input" id={`${id}-s`} value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={150} />
      </div>
      <MessageForm
        label="Besked"
        button="Send beskeden"
        send={async (body) => {
          await writeToCaseworker(subject || 'Besked', body);
          setSubject('');
          onSent();
        }}
      />
    </section>
  );
}

function MessageForm({ label, button, send }: { label: string; button: string; send: (body: string) => Promise<void> }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const id = useId();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        setSent(false);
        try {
          await send(body);
          setBody('');
          setSent(true);
        } catch (err) {
          setError(asError(err, 'Beskeden kunne ikke sendes. Prøv igen.'));
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="form-group">
        <label className="form-label" htmlFor={id}>
          {label}
        </label>
        <textarea className="form-input" id={id} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <ProblemAlert error={error} />
      {sent && (
        <Alert variant="success">
          <p>Din besked er sendt.</p>
        </Alert>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Sender …' : button}
      </button>
    </form>
  );
}

function SurveyContent() {
  const s = useResource<SurveyState>(surveyPath);
  const [answer, setAnswer] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [state, setState] = useState<SurveyState | null>(null);
  const base = useId();
  const data = state ?? s.data;
  return (
    <>
      {s.loading && !data && <Loading />}
      <ProblemAlert error={s.error} />
      {data?.answer && (
        <Alert variant="success">
          <p>
            Tak. Du svarede »{data.answer.label}« den <DateText date={data.answer.answeredOn} />. Du kan svare igen næste kvartal.
          </p>
        </Alert>
      )}
      {data && !data.answer && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              setState(await answerSurvey({ answer: answer as SurveyState['options'][number]['value'] }));
            } catch (err) {
              setError(asError(err, 'Dit svar kunne ikke gemmes. Prøv igen.'));
            } finally {
              setBusy(false);
            }
          }}
        >
          <fieldset className="form-group">
            <legend className="form-label">{data.question}</legend>
            {data.options.map((o) => (
              <div className="form-group-radio" key={o.value}>
                <input className="form-radio" type="radio" id={`${base}-${o.value}`} name={base} checked={answer === o.value} onChange={() => setAnswer(o.value)} />
                <label htmlFor={`${base}-${o.value}`}>{o.label}</label>
              </div>
            ))}
          </fieldset>
          <ProblemAlert error={error} />
          <button type="submit" className="button button-primary" disabled={busy || !answer}>
            Send svar
          </button>
        </form>
      )}
    </>
  );
}
