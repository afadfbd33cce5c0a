import { useId, useState } from 'react';
import { useSubmission } from '../useSubmission';
import { COMPLAINT_STATUS_LABELS, complaintPagePath } from '../clients/complaints';
import {
  CHANNEL_LABELS,
  draftDecision,
  issueDecision,
  updateDraft,
  previewPath,
  type Decision,
  type DecisionPreview,
  type DeliveryChannel,
} from '../clients/decisions';
import { formatDate } from '../format';
import { Link } from '../router';
import { useResource } from '../useResource';
import type { CaseSectionProps } from './case-section';
import { DateText } from './DateText';
import { RegisterComplaintForm } from './RegisterComplaintForm';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';

const STATUS: Record<Decision['status'], string> = { draft: 'Udkast', issued: 'Sendt', discarded: 'Kasseret' };

/** The case's decisions (draft → preview → issue by a channel) and the complaints about them; the lists come from the overview. */
export function DecisionsSection({ id, kase, overview, refresh }: CaseSectionProps) {
  const items = overview.decisions.filter((d) => d.status !== 'discarded');
  const complaints = overview.complaints;
  const hasDraft = items.some((d) => d.status === 'draft');
  return (
    <Section id={id} title="Afgørelser og klager">
      {items.length === 0 && <Empty>Der er ingen afgørelser i sagen.</Empty>}
      <ul className="item-list">
        {items.map((d) => (
          <li key={d.id} className="item">
            <DecisionItem d={d} onChanged={refresh} />
          </li>
        ))}
      </ul>
      {!hasDraft && <DraftForm caseId={kase.id} onDone={refresh} />}
      <h3>Klager</h3>
      {complaints.length === 0 && <Empty>Der er ingen klager.</Empty>}
      {complaints.length > 0 && (
        <ul className="item-list">
          {complaints.map((c) => (
            <li key={c.id} className="item">
              <p className="item-title title-row">
                <span>{c.scope === 'whole' ? 'Klage over hele afgørelsen' : `Klage over: ${c.elements.map((e) => e.title).join(', ')}`}</span>
                <span className={c.late ? 'badge badge-danger' : 'badge'}>{COMPLAINT_STATUS_LABELS[c.status]}</span>
              </p>
              <p className="item-meta">
                <span>
                  Modtaget <DateText date={c.receivedOn} />
                </span>
                <span>
                  Genvurdering senest <DateText date={c.reassessmentDeadline} />
                </span>
                {c.late && <span>{c.daysLate} dage for sent</span>}
              </p>
              <p>{c.text}</p>
              <p className="item-link"><Link href={complaintPagePath(c.id)}>Behandl klagen<span className="visually-hidden"> modtaget {c.receivedOn}</span></Link></p>
            </li>
          ))}
        </ul>
      )}
      <RegisterComplaintForm decisions={items} />
    </Section>
  );
}

function DecisionItem({ d, onChanged }: { d: Decision; onChanged: () => void }) {
  const [channel, setChannel] = useState<DeliveryChannel>('digital_post');
  const [showPreview, setShowPreview] = useState(false);
  const { busy, error, run } = useSubmission('Afgørelsen kunne ikke sendes. Prøv igen.');
  const [issued, setIssued] = useState<string | null>(null);
  const channelId = useId();
  const preview = useResource<DecisionPreview>(showPreview && d.status === 'draft' ? previewPath(d.id, channel) : null);
  const issue = async () => {
    await run(async () => {
      const r = await issueDecision(d.id, d.version, channel);
      setIssued(`Afgørelsen er sendt med ${CHANNEL_LABELS[channel]}. Klagefrist: ${formatDate(r.letter.complaintDeadline)}.`);
      onChanged();
    });
  };
  return (
    <>
      <p className="item-title title-row">
        <span>{d.title}</span>
        <span className={d.status === 'issued' ? 'badge badge-ok' : 'badge badge-warn'}>{STATUS[d.status]}</span>
      </p>
      <p className="item-meta">
        {d.decisionDate && (
          <span>
            Truffet <DateText date={d.decisionDate} />
          </span>
        )}
        {d.channel && <span>Sendt med {CHANNEL_LABELS[d.channel]}</span>}
        {d.complaintDeadline && (
          <span>
            Klagefrist <DateText date={d.complaintDeadline} />
          </span>
        )}
      </p>
      <ul className="element-list">
        {d.elements.map((e) => (
          <li key={e.id}>
            <strong>{e.title}</strong> – {e.legalBasis}. {e.appealable ? `Klage: ${e.complaintBody}.` : `Kan ikke påklages: ${e.notAppealableReason ?? ''}`}
            {!e.inForce && d.status === 'issued' && ' (erstattet)'}
          </li>
        ))}
      </ul>
      {d.status === 'draft' && <ElementReasoningForm d={d} onSaved={onChanged} />}
      {issued && (
        <p className="alert alert-success" role="status">
          {issued}
        </p>
      )}
      {d.status === 'draft' && (
        <div className="decision-actions">
          <div className="field">
            <label htmlFor={channelId}>Send med</label>
            <select id={channelId} value={channel} onChange={(e) => setChannel(e.target.value as DeliveryChannel)}>
              {(Object.keys(CHANNEL_LABELS) as DeliveryChannel[]).map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => setShowPreview(true)} aria-expanded={showPreview}>
              Forhåndsvis brevet
            </button>
            <button type="button" className="button" onClick={issue} disabled={busy}>
              {busy ? 'Sender …' : 'Send afgørelsen'}
            </button>
          </div>
          <ErrorAlert error={error} />
          {showPreview && (
            <div className="preview" role="region" aria-label="Forhåndsvisning af brevet">
              {preview.loading && <Loading what="Henter forhåndsvisningen" />}
              <ErrorAlert error={preview.error} />
              {preview.data && (
                <>
                  <p>
                    <strong>{preview.data.letter.title}</strong> til {preview.data.letter.citizen.name}
                  </p>
                  <p>
                    Modtaget: <DateText date={preview.data.letter.receiptDate} />. Klagefrist: <DateText date={preview.data.letter.complaintDeadline} />.
                  </p>
                  <p>{preview.data.letter.overallReasoning}</p>
                  <h4>Klagevejledning</h4>
                  <ul>
                    {preview.data.letter.complaintGuidance.sections.map((s) => (
                      <li key={s.route}>
                        {s.body}: {s.elementTitles.join(', ')}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </div>
      )}
    </>
  );
}

function DraftForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [reasoning, setReasoning] = useState('');
  const { busy, error, run, refuse } = useSubmission('Udkastet kunne ikke laves. Prøv igen.');
  const fieldId = useId();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (reasoning.trim().length < 10) {
      refuse('Skriv en begrundelse til borgeren (mindst 10 tegn). Afgørelsen skal være begrundet.');
      return;
    }
    await run(async () => {
      await draftDecision(caseId, { reasoning });
      setReasoning('');
      onDone();
    });
  };
  return (
    <form onSubmit={submit} className="draft-form">
      <h3>Ny samlet afgørelse</h3>
      <div className="field">
        <label htmlFor={fieldId}>Begrundelse til borgeren (klart og enkelt sprog)</label>
        <textarea id={fieldId} aria-invalid={error?.status === 400} value={reasoning} onChange={(e) => setReasoning(e.target.value)} rows={3} />
      </div>
      <ErrorAlert error={error} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Laver udkast …' : 'Lav udkast til afgørelse'}
      </button>
    </form>
  );
}

/** Every element needs its own reasoning before the decision can be sent (saved on the draft, optimistic version). */
function ElementReasoningForm({ d, onSaved }: { d: Decision; onSaved: () => void }) {
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(d.elements.map((e) => [e.interventionId, e.reasoning])));
  const { busy, error, run } = useSubmission('Begrundelserne kunne ikke gemmes. Prøv igen.');
  const [saved, setSaved] = useState(false);
  const base = useId();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    await run(async () => {
      await updateDraft(d.id, { version: d.version, elements: d.elements.map((el) => ({ interventionId: el.interventionId, reasoning: texts[el.interventionId] ?? '' })) });
      setSaved(true);
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} className="element-reasoning">
      <h4>Begrundelse for hver indsats</h4>
      {d.elements.map((el, i) => (
        <div className="field" key={el.id}>
          <label htmlFor={`${base}-${i}`}>Begrundelse for »{el.title}«</label>
          <textarea id={`${base}-${i}`} rows={2} value={texts[el.interventionId] ?? ''} onChange={(ev) => setTexts((t) => ({ ...t, [el.interventionId]: ev.target.value }))} />
        </div>
      ))}
      <ErrorAlert error={error} />
      {saved && (
        <p className="alert alert-success" role="status">
          Begrundelserne er gemt.
        </p>
      )}
      <button type="submit" className="button button-secondary" disabled={busy}>
        Gem begrundelserne
      </button>
    </form>
  );
}
