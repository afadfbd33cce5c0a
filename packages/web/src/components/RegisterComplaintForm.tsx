/**
 * The caseworker registers a complaint that came by letter, phone or e-mail,
 * about a whole issued decision or chosen parts of it, with the day it was
 * received. A part that cannot be appealed is refused by the server with its
 * reason, shown as is; on success the complaint's own page opens.
 */
import { COMPLAINT_CHANNEL_LABELS } from '@helhed/core';
import { useId, useState } from 'react';
import { ApiError } from '../api';
import { complaintPagePath, fileComplaint, RECEIVED_CHANNELS } from '../clients/complaints';
import type { Decision } from '../clients/decisions';
import { formatDate, todayInDenmark } from '../format';
import { navigate } from '../router';
import { RadioGroup } from './RadioGroup';
import { ErrorAlert } from './Status';
import '../worklist.css';
import { withMember } from '../sets';

type Channel = (typeof RECEIVED_CHANNELS)[number];

export function RegisterComplaintForm({ decisions }: { decisions: Decision[] }) {
  const issued = decisions.filter((d) => d.status === 'issued');
  const [open, setOpen] = useState(false);
  if (issued.length === 0) return null;
  return (
    <div className="register-complaint">
      <button type="button" className="button button-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        Registrér en klage fra brev, telefon eller e-mail
      </button>
      {open && <ComplaintForm issued={issued} />}
    </div>
  );
}

function ComplaintForm({ issued }: { issued: Decision[] }) {
  const base = useId();
  const today = todayInDenmark();
  const [decisionId, setDecisionId] = useState(issued[0]!.id);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [receivedOn, setReceivedOn] = useState(today);
  const [scope, setScope] = useState<'whole' | 'elements'>('whole');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const decision = issued.find((d) => d.id === decisionId) ?? issued[0]!;
  const chooseDecision = (id: string) => {
    setDecisionId(id);
    setChosen(new Set());
  };
  const invalid = (path: string) => error?.errors.some((e) => e.path.startsWith(path)) ?? false;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const missing = [!channel && 'hvordan klagen er modtaget', !text.trim() && 'hvad borgeren klager over', scope === 'elements' && chosen.size === 0 && 'hvilke dele klagen handler om'].filter(Boolean);
    if (missing.length) {
      setError(new ApiError(400, 'Ugyldigt input', `Angiv ${missing.join(', ')}.`));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = { scope, channel: channel!, receivedOn, text, ...(scope === 'elements' ? { elementIds: [...chosen] } : {}) };
      const complaint = await fileComplaint(decision.id, body);
      navigate(complaintPagePath(complaint.id));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'Fejl', 'Klagen kunne ikke registreres. Prøv igen.'));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="draft-form work-form" noValidate aria-label="Registrér en klage">
      <h3>Registrér en klage</h3>
      {issued.length > 1 && (
        <div className="field">
          <label htmlFor={`${base}-d`}>Afgørelse</label>
          <select id={`${base}-d`} value={decision.id} onChange={(e) => chooseDecision(e.target.value)}>
            {issued.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
                {d.decisionDate ? ` (${formatDate(d.decisionDate)})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {issued.length === 1 && <p>Afgørelse: {decision.title}</p>}
      <RadioGroup legend="Hvordan er klagen modtaget?" value={channel} onChange={setChannel} options={RECEIVED_CHANNELS.map((c) => ({ value: c, label: COMPLAINT_CHANNEL_LABELS[c] }))} />
      <div className="field">
        <label htmlFor={`${base}-r`}>Modtaget den</label>
        <p className="hint" id={`${base}-rh`}>
          Fristen for genvurdering regnes fra den dag, kommunen modtog klagen.
        </p>
        <input
          type="date"
          id={`${base}-r`}
          aria-describedby={`${base}-rh`}
          aria-invalid={invalid('body.receivedOn')}
          max={today}
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
        />
      </div>
      <RadioGroup
        legend="Hvad klager borgeren over?"
        value={scope}
        onChange={setScope}
        options={[
          { value: 'whole', label: 'Hele afgørelsen' },
          { value: 'elements', label: 'En eller flere dele af den' },
        ]}
      />
      {scope === 'elements' && (
        <fieldset>
          <legend>Vælg de dele, klagen handler om</legend>
          <div className="check-stack">
            {decision.elements.map((el) => (
              <label key={el.id}>
                <input
                  type="checkbox"
                  checked={chosen.has(el.id)}
                  onChange={(e) => setChosen((s) => withMember(s, el.id, e.target.checked))}
                />
                <span>
                  {el.title}
                  {!el.appealable && <span className="sub">Kan ikke påklages</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${base}-t`}>Borgerens klage</label>
        <p className="hint" id={`${base}-th`}>
          Skriv, hvad borgeren klager over, med borgerens egne ord så vidt muligt.
        </p>
        <textarea id={`${base}-t`} aria-describedby={`${base}-th`} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Registrerer …' : 'Registrér klagen'}
      </button>
    </form>
  );
}
