/**
 * Messages with the citizen, the caseworker's side (SPEC C10): the case's
 * threads with what is unread (in words and a mark, not colour alone), one
 * thread opened at a time — opening it marks the citizen's messages read for
 * the whole team — a reply, and a new thread to the citizen. A link from the
 * work queue opens its thread (?traad=…).
 */
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api';
import { useSubmission } from '../useSubmission';
import { messagesPath, reply, startCaseThread, threadPath, type MessageThread, type MessageThreadList } from '../clients/messages';
import { useResource } from '../useResource';
import { InstantText } from './DateText';
import type { CaseSectionProps } from './case-section';
import { Section } from './Section';
import { ErrorAlert, Loading } from './Status';
import '../worklist.css';

const threadFromAddress = () => new URLSearchParams(window.location.search).get('traad');

export function MessagesSection({ id, kase }: CaseSectionProps) {
  const caseId = kase.id;
  const threads = useResource<MessageThreadList>(messagesPath(caseId));
  const [open, setOpen] = useState<string | null>(threadFromAddress);
  const [writing, setWriting] = useState(false);
  const list = threads.data;
  const forbidden = threads.error?.status === 403;
  return (
    <Section id={id} title="Beskeder">
      {threads.loading && !list && <Loading what="Henter beskederne" />}
      {forbidden ? <p>Beskeder med borgeren ses af den koordinerende sagsbehandler og teamet.</p> : <ErrorAlert error={threads.error} />}
      {list && (
        <p>
          {list.items.length === 0 ? 'Der er ingen beskeder med borgeren.' : list.unread === 0 ? 'Alle beskeder fra borgeren er læst.' : `${list.unread} ${list.unread === 1 ? 'ulæst besked' : 'ulæste beskeder'} fra borgeren.`}
        </p>
      )}
      {list && list.items.length > 0 && (
        <ul className="item-list thread-list">
          {list.items.map((t) => (
            <li key={t.id} className={t.unread > 0 ? 'item unread' : 'item'}>
              <p className="item-title title-row">
                <span>{t.subject}</span>
                {t.unread > 0 && <span className="badge badge-primary">{t.unread === 1 ? '1 ulæst' : `${t.unread} ulæste`}</span>}
              </p>
              <p className="item-meta">
                <span>{t.messages === 1 ? '1 besked' : `${t.messages} beskeder`}</span>
                <span>
                  Seneste <InstantText at={t.lastMessageAt} time />
                </span>
              </p>
              <button type="button" className="button button-secondary" aria-expanded={open === t.id} onClick={() => setOpen(open === t.id ? null : t.id)}>
                {open === t.id ? 'Luk tråden' : 'Åbn tråden'}
                <span className="visually-hidden"> »{t.subject}«</span>
              </button>
              {open === t.id && <Thread threadId={t.id} onChanged={threads.reload} />}
            </li>
          ))}
        </ul>
      )}
      {list && !writing && (
        <button type="button" className="button button-secondary" onClick={() => setWriting(true)}>
          Skriv en ny besked til borgeren
        </button>
      )}
      {writing && (
        <NewThreadForm
          caseId={caseId}
          onCancel={() => setWriting(false)}
          onSent={(t) => {
            setWriting(false);
            setOpen(t.id);
            threads.reload();
          }}
        />
      )}
    </Section>
  );
}

function Thread({ threadId, onChanged }: { threadId: string; onChanged: () => void }) {
  const loaded = useResource<MessageThread>(threadPath(threadId));
  const [answered, setAnswered] = useState<MessageThread | null>(null);
  const [text, setText] = useState('');
  const { busy, error, run, refuse } = useSubmission('Svaret kunne ikke sendes. Prøv igen.');
  const fieldId = useId();
  const thread = answered ?? loaded.data;
  // Opening the thread marked the citizen's messages read: the list's counts change.
  useEffect(() => {
    if (loaded.data) onChanged();
  }, [loaded.data, onChanged]);
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      refuse('Skriv dit svar, før du sender det.');
      return;
    }
    await run(async () => {
      setAnswered(await reply(threadId, text));
      setText('');
      onChanged();
    });
  };
  return (
    <div className="thread-open">
      {loaded.loading && !thread && <Loading what="Henter tråden" />}
      <ErrorAlert error={loaded.error} />
      {thread && (
        <>
          <ol className="thread" aria-label={`Beskeder i »${thread.subject}«`}>
            {thread.items.map((m) => (
              <li key={m.id} className={`message message-${m.author}`}>
                <p className="message-meta">
                  {m.authorName} ({m.author === 'citizen' ? 'borger' : 'kommunen'}), <InstantText at={m.sentAt} time />
                </p>
                <p>{m.body}</p>
              </li>
            ))}
          </ol>
          <form onSubmit={send} noValidate className="work-form">
            <div className="field">
              <label htmlFor={fieldId}>Dit svar</label>
              <textarea id={fieldId} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
            </div>
            <ErrorAlert error={error} />
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Sender …' : 'Send svar'}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

function NewThreadForm({ caseId, onSent, onCancel }: { caseId: string; onSent: (t: MessageThread) => void; onCancel: () => void }) {
  const base = useId();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!subject.trim() || !body.trim()) {
      setError(new ApiError(400, 'Ugyldigt input', 'Skriv både emne og besked.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSent(await startCaseThread(caseId, subject, body));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'Fejl', 'Beskeden kunne ikke sendes. Prøv igen.'));
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="draft-form work-form" aria-label="Ny besked til borgeren">
      <h3>Ny besked til borgeren</h3>
      <div className="field">
        <label htmlFor={`${base}-s`}>Emne</label>
        <input type="text" className="wide" id={`${base}-s`} value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor={`${base}-b`}>Besked</label>
        <textarea id={`${base}-b`} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Sender …' : 'Send beskeden'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Annullér
        </button>
      </div>
    </form>
  );
}
