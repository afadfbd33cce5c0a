/**
 * The municipality's reassessment (genvurdering): change the decision (a
 * draft of a new decision about the complained parts, sent from the case) or
 * uphold it (the complaint goes on to Ankestyrelsen with the case file).
 */
import { useId, useState } from 'react';
import { reassessComplaint, type Complaint } from '../../clients/complaints';
import type { Decision } from '../../clients/decisions';
import { Link } from '../../router';
import { DateText } from '../DateText';
import { RadioGroup } from '../RadioGroup';
import { Section } from '../Section';
import { ErrorAlert } from '../Status';
import { useStep } from './useStep';

type Outcome = 'change' | 'uphold';

export function ReassessmentForm({ c, decision, caseHref, onDone }: { c: Complaint; decision: Decision | null; caseHref: string; onDone: (c: Complaint) => void }) {
  return <Section title="Genvurdering">{c.reassessment ? <Reassessed c={c} caseHref={caseHref} /> : <Form c={c} decision={decision} onDone={onDone} />}</Section>;
}

function Reassessed({ c, caseHref }: { c: Complaint; caseHref: string }) {
  const r = c.reassessment!;
  return (
    <>
      <p className="alert alert-success" role="status">
        {r.outcome === 'change' ? 'Kommunen har ændret afgørelsen' : 'Kommunen har fastholdt afgørelsen'} (<DateText date={r.decidedOn} />).
        {r.outcome === 'uphold' && c.forwardedOn && (
          <>
            {' '}
            Klagen er sendt til Ankestyrelsen <DateText date={c.forwardedOn} />.
          </>
        )}
      </p>
      <p>Begrundelse: {r.reasoning}</p>
      {r.outcome === 'change' && (
        <p>
          Den nye afgørelse er lavet som udkast. <Link href={caseHref}>Gå til sagens afgørelser for at forhåndsvise og sende den</Link>.
        </p>
      )}
    </>
  );
}

function Form({ c, decision, onDone }: { c: Complaint; decision: Decision | null; onDone: (c: Complaint) => void }) {
  const base = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reasoning, setReasoning] = useState('');
  const [letter, setLetter] = useState('');
  const [elements, setElements] = useState<Record<string, string>>({});
  const step = useStep(onDone, 'Genvurderingen kunne ikke gemmes. Prøv igen.');
  const complained = new Set(c.elements.map((e) => e.id));
  const changed = (decision?.elements ?? []).filter((e) => complained.has(e.id));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!outcome || !reasoning.trim()) return step.refuse('Vælg, om afgørelsen ændres eller fastholdes, og skriv begrundelsen for genvurderingen.');
    if (outcome === 'change' && letter.trim().length < 10) {
      return step.refuse('Skriv den nye afgørelses begrundelse til borgeren (mindst 10 tegn). En afgørelse skal være begrundet.');
    }
    const change =
      outcome === 'change'
        ? {
            reasoning: letter,
            elements: changed.filter((el) => (elements[el.interventionId] ?? '').trim()).map((el) => ({ interventionId: el.interventionId, reasoning: elements[el.interventionId]! })),
          }
        : undefined;
    return step.run(() => reassessComplaint(c.id, { version: c.version, outcome, reasoning, ...(change ? { change } : {}) }));
  };

  return (
    <form onSubmit={submit} noValidate className="work-form">
      <p>Kommunen ser på afgørelsen igen. Ændrer I den, får borgeren en ny afgørelse. Fastholder I den, sendes klagen og sagens akter til Ankestyrelsen.</p>
      <RadioGroup
        legend="Resultat af genvurderingen"
        value={outcome}
        onChange={setOutcome}
        options={[
          { value: 'change', label: 'Afgørelsen ændres', hint: 'Der laves et udkast til en ny afgørelse om det, der er klaget over. Den sendes fra sagen.' },
          { value: 'uphold', label: 'Afgørelsen fastholdes', hint: 'Klagen sendes til Ankestyrelsen sammen med sagens akter.' },
        ]}
      />
      <div className="field">
        <label htmlFor={`${base}-r`}>Begrundelse for genvurderingen</label>
        <textarea id={`${base}-r`} rows={3} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />
      </div>
      {outcome === 'change' && (
        <>
          <div className="field">
            <label htmlFor={`${base}-l`}>Den nye afgørelses begrundelse til borgeren (klart og enkelt sprog)</label>
            <textarea id={`${base}-l`} rows={3} value={letter} onChange={(e) => setLetter(e.target.value)} />
          </div>
          {changed.map((el) => (
            <div className="field" key={el.id}>
              <label htmlFor={`${base}-${el.id}`}>Begrundelse for »{el.title}« i den nye afgørelse</label>
              <p className="hint" id={`${base}-${el.id}-h`}>
                Kan også skrives på udkastet senere; afgørelsen kan ikke sendes uden.
              </p>
              <textarea id={`${base}-${el.id}`} aria-describedby={`${base}-${el.id}-h`} rows={2} value={elements[el.interventionId] ?? ''} onChange={(ev) => setElements((t) => ({ ...t, [el.interventionId]: ev.target.value }))} />
            </div>
          ))}
        </>
      )}
      <ErrorAlert error={step.error} />
      <button type="submit" className="button" disabled={step.busy}>
        {outcome === 'uphold' ? 'Fasthold og send til Ankestyrelsen' : outcome === 'change' ? 'Lav udkast til ny afgørelse' : 'Gem genvurderingen'}
      </button>
    </form>
  );
}
