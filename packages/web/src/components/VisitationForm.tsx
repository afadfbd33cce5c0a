/**
 * Visitation from the municipality's catalogue (SPEC C6): the caseworker picks
 * an intervention, its start, amount and executing person; the server grants
 * it within the caseworker's authority or puts it before the visitation forum,
 * and says which.
 */
import { COST_MODEL_LABELS } from '@helhed/core';
import { useRef, useState, type FormEvent } from 'react';
import { useSubmission } from '../useSubmission';
import { cataloguePath, requestVisitation, type CatalogueItem, type CatalogueList } from '../clients/visitation';
import { formatDkk, todayInDenmark } from '../format';
import { useResource } from '../useResource';
import { Field, problemAt } from './Field';
import { SectorOptionGroups } from './SectorOptionGroups';
import { ErrorAlert, Loading } from './Status';

const QUANTITY_LABEL: Record<CatalogueItem['costModel'], string> = {
  per_hour: 'Antal timer',
  per_week: 'Antal uger',
  per_month: 'Antal måneder',
  one_off: 'Antal',
};

export function VisitationForm({ caseId, ruleSetId, onDone }: { caseId: string; ruleSetId: string; onDone: (notice: string) => void }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const today = todayInDenmark();
  const catalogue = useResource<CatalogueList>(open ? cataloguePath(today) : null);
  const [itemId, setItemId] = useState('');
  const [plannedStart, setPlannedStart] = useState(today);
  const [endDate, setEndDate] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [executingName, setExecutingName] = useState('');
  const [reasoning, setReasoning] = useState('');
  const { busy, error, run, refuse, clear } = useSubmission('Indsatsen blev ikke visiteret. Prøv igen.');
  const items = (catalogue.data?.items ?? []).filter((i) => i.active);
  const item = items.find((i) => i.id === itemId) ?? null;
  const amount = Number(quantity.replace(',', '.'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (!item) {
      refuse('Vælg en indsats fra kataloget.', [{ path: 'body.catalogueItemId', message: 'Vælg en indsats.' }]);
      return;
    }
    if (!(amount > 0)) {
      refuse(`${QUANTITY_LABEL[item.costModel]} skal være et tal over 0.`, [{ path: 'body.quantity', message: 'Skriv et tal over 0.' }]);
      return;
    }
    await run(async () => {
      const r = await requestVisitation(caseId, {
        catalogueItemId: item.id,
        plannedStart,
        quantity: amount,
        ...(endDate ? { endDate } : {}),
        ...(executingName.trim() ? { executingName: executingName.trim() } : {}),
        ...(reasoning.trim() ? { reasoning: reasoning.trim() } : {}),
      });
      onDone(`${r.outcome === 'granted' ? 'Bevilget' : 'Sendt til visitationsforummet'}: »${item.title}«. ${r.detail}`);
      setItemId('');
      setQuantity('1');
      setEndDate('');
      setExecutingName('');
      setReasoning('');
      setOpen(false);
      requestAnimationFrame(() => toggle.current?.focus());
    });
  }

  return (
    <div className="subform">
      <button type="button" ref={toggle} className="button button-secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Visitér en indsats fra kataloget
      </button>
      {open && (
        <form onSubmit={submit} noValidate className="boxed-form">
          <h3>Visitér en indsats</h3>
          {catalogue.loading && !catalogue.data && <Loading what="Henter kataloget" />}
          <ErrorAlert error={catalogue.error} />
          {catalogue.data && (
            <>
              <Field label="Indsats" hint="Kun indsatser med hjemmel efter det regelsæt, kommunen arbejder efter i dag." problem={problemAt(error, 'body.catalogueItemId')}>
                {(a) => (
                  <select {...a} value={itemId} onChange={(e) => setItemId(e.target.value)}>
                    <option value="">Vælg en indsats</option>
                    <SectorOptionGroups groups={bySector(items)} />
                  </select>
                )}
              </Field>
              {item && <ItemFacts item={item} ruleSetId={ruleSetId} />}
              <div className="field-row">
                <Field label="Planlagt start" problem={problemAt(error, 'body.plannedStart')}>
                  {(a) => <input {...a} type="date" value={plannedStart} onChange={(e) => setPlannedStart(e.target.value)} />}
                </Field>
                <Field label={item?.flexibleHours ? 'Slutdato (puljens periode)' : 'Slutdato (valgfri)'} problem={problemAt(error, 'body.endDate')}>
                  {(a) => <input {...a} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}
                </Field>
                <Field label={item?.flexibleHours ? 'Timer i puljen' : QUANTITY_LABEL[item?.costModel ?? 'one_off']} problem={problemAt(error, 'body.quantity')}>
                  {(a) => <input {...a} type="text" inputMode="decimal" className="narrow" value={quantity} onChange={(e) => setQuantity(e.target.value)} />}
                </Field>
              </div>
              {item && amount > 0 && (
                <p className="item-meta">
                  Pris i alt: {formatDkk(Math.round(item.unitPriceDkk * amount * 100) / 100)} ({formatDkk(item.unitPriceDkk)} {COST_MODEL_LABELS[item.costModel]})
                </p>
              )}
              <Field label="Udføres af (valgfri)" hint="Den person, der udfører indsatsen, fx støttepersonen.">
                {(a) => <input {...a} type="text" className="wide" value={executingName} onChange={(e) => setExecutingName(e.target.value)} />}
              </Field>
              <Field
                label="Begrundelse"
                hint="Skal udfyldes, hvis prisen ligger over din bevillingskompetence: så tager visitationsforummet stilling."
                problem={problemAt(error, 'body.reasoning')}
              >
                {(a) => <textarea {...a} rows={3} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />}
              </Field>
              <ErrorAlert error={error} />
              <button type="submit" className="button" disabled={busy}>
                {busy ? 'Visiterer …' : 'Visitér indsatsen'}
              </button>
            </>
          )}
        </form>
      )}
    </div>
  );
}

function bySector(items: CatalogueItem[]): { sector: string; items: CatalogueItem[] }[] {
  const groups = new Map<string, CatalogueItem[]>();
  for (const i of items) groups.set(i.sector, [...(groups.get(i.sector) ?? []), i]);
  return [...groups].map(([sector, list]) => ({ sector, items: list }));
}

/** What the caseworker needs to know about the item before granting it. */
function ItemFacts({ item, ruleSetId }: { item: CatalogueItem; ruleSetId: string }) {
  const inForce = item.legalBases.filter((b) => b.ruleSets.includes(ruleSetId));
  return (
    <div className="facts-box">
      {item.description && <p>{item.description}</p>}
      <p className="item-meta">
        <span>Hjemmel: {(inForce.length ? inForce : item.legalBases).map((b) => `${b.law} ${b.section}`).join('; ')}</span>
        <span>
          {formatDkk(item.unitPriceDkk)} {COST_MODEL_LABELS[item.costModel]}
        </span>
        <span>{item.appealable ? `Klage: ${item.complaintRouteLabel}` : `Kan ikke påklages${item.noComplaintReason ? `: ${item.noComplaintReason}` : ''}`}</span>
        {item.isBenefit && <span>Forsørgelsesydelse: afgøres efter beskæftigelseslovgivningen, uden for den samlede afgørelse</span>}
        {item.requiresRehabilitation && <span>Kræver rehabiliteringsteamets indstilling</span>}
        {item.flexibleHours && <span>Bevilges som en timepulje over en periode</span>}
      </p>
    </div>
  );
}
