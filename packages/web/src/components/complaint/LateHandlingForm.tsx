/** A complaint that came after the complaint deadline: consider it anyway, or refuse it — with a reason either way. */
import { useId, useState } from 'react';
import { decideLateComplaint, type Complaint } from '../../clients/complaints';
import { RadioGroup } from '../RadioGroup';
import { Section } from '../Section';
import { ErrorAlert } from '../Status';
import { useStep } from './useStep';

type Handling = 'consider' | 'refuse';

export function LateHandlingForm({ c, onDone }: { c: Complaint; onDone: (c: Complaint) => void }) {
  const [handling, setHandling] = useState<Handling | null>(null);
  const [reason, setReason] = useState('');
  const step = useStep(onDone, 'Beslutningen kunne ikke gemmes. Prøv igen.');
  const fieldId = useId();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!handling || !reason.trim()) return step.refuse('Vælg, om klagen skal behandles, og skriv begrundelsen.');
    return step.run(() => decideLateComplaint(c.id, { version: c.version, handling, reason }));
  };
  return (
    <Section title="Klagen kom for sent">
      {c.lateHandling ? (
        <p>
          {c.lateHandling === 'consider' ? 'Kommunen behandler klagen alligevel.' : 'Kommunen har afvist klagen, fordi den kom for sent.'} Begrundelse: {c.lateHandlingReason}
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="work-form">
          <p>
            Klagen kom {c.daysLate} {c.daysLate === 1 ? 'dag' : 'dage'} efter klagefristen. Kommunen kan behandle den alligevel, hvis der er en god grund til, at den kom for sent. Tag stilling, før afgørelsen genvurderes.
          </p>
          <RadioGroup
            legend="Skal klagen behandles?"
            value={handling}
            onChange={setHandling}
            options={[
              { value: 'consider', label: 'Ja, klagen behandles alligevel' },
              { value: 'refuse', label: 'Nej, klagen afvises, fordi den kom for sent' },
            ]}
          />
          <div className="field">
            <label htmlFor={fieldId}>Begrundelse</label>
            <textarea id={fieldId} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <ErrorAlert error={step.error} />
          <button type="submit" className="button" disabled={step.busy}>
            Gem beslutningen
          </button>
        </form>
      )}
    </Section>
  );
}
