/** The citizen's consents as the caseworker sees them: current state and the full history. */
import { seg } from '../api';
import { CONSENT_ACTION_LABELS, CONSENT_FORM_LABELS } from '../labels';
import type { ConsentOverview } from '../types';
import { useResource } from '../useResource';
import { ConsentName, ConsentTitle } from './ConsentName';
import { InstantText } from './DateText';
import { Section, TableScroll } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';

export function ConsentsSection({ id, citizenId }: { id: string; citizenId: string }) {
  const consents = useResource<ConsentOverview>(`/api/citizens/${seg(citizenId)}/consents`);
  const data = consents.data;
  return (
    <Section id={id} title="Samtykker">
      {consents.loading && !data && <Loading />}
      <ErrorAlert error={consents.error} />
      {data && (
        <>
          <h3>Nuværende samtykker</h3>
          {data.current.length === 0 ? (
            <Empty>Borgeren har ikke givet samtykke.</Empty>
          ) : (
            <ul className="item-list">
              {data.current.map((c) => (
                <li key={`${c.scope}:${c.counterpart ?? ''}`} className="item">
                  <ConsentTitle scope={c.scope} scopeLabel={c.scopeLabel} counterpart={c.counterpart} active={c.active} activeText="Aktivt" />
                  <p className="item-meta">
                    <span>
                      {c.active ? 'Givet' : 'Tilbagekaldt'} <InstantText at={c.since} />
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h3>Historik</h3>
          {data.history.length === 0 ? (
            <Empty>Ingen registreringer.</Empty>
          ) : (
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
                  {[...data.history].reverse().map((h) => (
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
          )}
        </>
      )}
    </Section>
  );
}
