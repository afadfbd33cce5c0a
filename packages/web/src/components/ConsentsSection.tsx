/** The citizen's consents as the caseworker sees them: the state now (from the overview), recording one, and the full history on request. */
import { useState } from 'react';
import { consentsPath } from '../clients/consents';
import { CONSENT_ACTION_LABELS, CONSENT_FORM_LABELS } from '../labels';
import type { ConsentOverview } from '../types';
import { useResource } from '../useResource';
import type { CaseSectionProps } from './case-section';
import { ConsentName, ConsentTitle } from './ConsentName';
import { InstantText } from './DateText';
import { RecordConsentForm } from './RecordConsentForm';
import { Section, TableScroll } from './Section';
import { Empty, ErrorAlert, Loading, Notice } from './Status';
import { WithdrawConsent } from './WithdrawConsent';

export function ConsentsSection({ id, kase, overview, refresh, revision }: CaseSectionProps) {
  const current = overview.consents;
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    refresh();
  };
  return (
    <Section id={id} title="Samtykker">
      <Notice message={notice} />
      <h3>Nuværende samtykker</h3>
      {current.length === 0 ? (
        <Empty>Borgeren har ikke givet samtykke.</Empty>
      ) : (
        <ul className="item-list">
          {current.map((c) => (
            <li key={`${c.scope}:${c.counterpart ?? ''}`} className="item">
              <ConsentTitle scope={c.scope} scopeLabel={c.scopeLabel} counterpart={c.counterpart} active={c.active} activeText="Aktivt" />
              <p className="item-meta">
                <span>
                  {c.active ? 'Givet' : 'Tilbagekaldt'} <InstantText at={c.since} />
                </span>
              </p>
              {c.active && <WithdrawConsent citizenId={kase.citizenId} consent={c} onDone={done} />}
            </li>
          ))}
        </ul>
      )}
      <RecordConsentForm citizenId={kase.citizenId} onDone={done} />
      <ConsentHistory citizenId={kase.citizenId} revision={revision} />
    </Section>
  );
}

/** Every giving and withdrawal with who recorded it, read when asked for. */
function ConsentHistory({ citizenId, revision }: { citizenId: string; revision: number }) {
  const [open, setOpen] = useState(false);
  const history = useResource<ConsentOverview>(open ? consentsPath(citizenId) : null, undefined, revision);
  const data = history.data;
  return (
    <>
      <h3>Historik</h3>
      <button type="button" className="button button-secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Skjul historikken' : 'Vis hele historikken'}
      </button>
      {open && history.loading && !data && <Loading what="Henter historikken" />}
      <ErrorAlert error={history.error} />
      {open && data && (data.history.length === 0 ? <Empty>Ingen registreringer.</Empty> : <HistoryTable history={data.history} />)}
    </>
  );
}

function HistoryTable({ history }: { history: ConsentOverview['history'] }) {
  return (
    <TableScroll label="Samtykkehistorik">
      <table>
        <thead>
          <tr>
            <th scope="col">Gælder fra</th>
            <th scope="col">Samtykke</th>
            <th scope="col">Handling</th>
            <th scope="col">Form</th>
            <th scope="col">Registreret af</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((h) => (
            <tr key={h.id}>
              <td>
                <InstantText at={h.effectiveAt} time />
              </td>
              <td>
                <ConsentName scope={h.scope} scopeLabel={h.scopeLabel} counterpart={h.counterpart} />
              </td>
              <td>{CONSENT_ACTION_LABELS[h.action]}</td>
              <td>{h.form ? CONSENT_FORM_LABELS[h.form] : '–'}</td>
              <td>{h.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
