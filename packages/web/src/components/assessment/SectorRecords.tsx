/** What the sector systems already know about a life domain: shown to be confirmed with the citizen instead of asking again (SPEC C4). */
import { useSubmission } from '../../useSubmission';
import { confirmSectorRecord, type CaseAssessment, type DomainSectorRecord } from '../../clients/assessment';
import { RECORD_KIND_LABELS, sectorLabel } from '../../labels';
import { DateText, InstantText } from '../DateText';
import { ErrorAlert } from '../Status';

export function SectorRecords({ caseId, records, onConfirmed }: { caseId: string; records: DomainSectorRecord[]; onConfirmed: (a: CaseAssessment, title: string) => void }) {
  if (records.length === 0) return null;
  return (
    <div className="known">
      <p className="label">Det ved fagsystemerne allerede</p>
      <ul className="item-list">
        {records.map((r) => (
          <li key={r.id} className="item">
            <RecordItem caseId={caseId} record={r} onConfirmed={onConfirmed} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function RecordItem({ caseId, record: r, onConfirmed }: { caseId: string; record: DomainSectorRecord; onConfirmed: (a: CaseAssessment, title: string) => void }) {
  const { busy, error, run } = useSubmission('Oplysningen blev ikke bekræftet. Prøv igen.');
  async function confirm() {
    await run(async () => {
      onConfirmed(await confirmSectorRecord(caseId, r.id), r.title);
    });
  }
  return (
    <>
      <p className="item-title title-row">
        <span>{r.title}</span>
        {r.confirmed ? <span className="badge badge-ok">Bekræftet</span> : <span className="badge">Ikke bekræftet</span>}
      </p>
      <p className="item-meta">
        <span>{RECORD_KIND_LABELS[r.kind]}</span>
        <span>{r.legalBasis}</span>
        <span>
          <DateText date={r.startDate} /> – {r.endDate ? <DateText date={r.endDate} /> : 'nu'}
        </span>
        <span>
          {sectorLabel(r.sector)}, {r.sourceSystem}
        </span>
      </p>
      {r.confirmed ? (
        <p className="item-meta">
          Bekræftet af {r.confirmed.by} <InstantText at={r.confirmed.at} />
          {r.confirmed.note ? `: ${r.confirmed.note}` : ''}
        </p>
      ) : (
        <button type="button" className="button button-secondary button-small" onClick={confirm} disabled={busy}>
          {busy ? 'Bekræfter …' : 'Bekræft med borgeren'}
          <span className="visually-hidden"> – {r.title}</span>
        </button>
      )}
      <ErrorAlert error={error} />
    </>
  );
}
