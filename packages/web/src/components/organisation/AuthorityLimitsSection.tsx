/**
 * Bevillingskompetence (SPEC C6, C12): the limits in force and planned, each
 * changed or ended from a day by the administrator; the history below, with
 * who made and ended each limit and why.
 */
import { useRef, useState } from 'react';
import { authorityLimitsPath, type AuthorityLimit, type AuthorityLimitList } from '../../clients/organisation';
import { formatDkk, formatInstant } from '../../format';
import { useResource } from '../../useResource';
import { DateText } from '../DateText';
import { Section, TableScroll } from '../Section';
import { Empty, ErrorAlert, Loading, Notice } from '../Status';
import { categoryLabel } from './amount';
import { ChangeLimitForm, EndLimitForm } from './LimitForms';
import { NewLimitForm } from './NewLimitForm';

const STATUS = { in_force: 'Gælder', planned: 'Planlagt', ended: 'Ophørt' } as const;
const BADGE = { in_force: 'badge badge-ok', planned: 'badge badge-primary', ended: 'badge' } as const;
const amountText = (l: AuthorityLimit) => (l.maxAmountDkk === null ? 'Ingen beløbsgrænse' : formatDkk(l.maxAmountDkk));

export function AuthorityLimitsSection({ canManage }: { canManage: boolean }) {
  const [revision, setRevision] = useState(0);
  const list = useResource<AuthorityLimitList>(authorityLimitsPath, undefined, revision);
  const [editing, setEditing] = useState<{ id: string; what: 'change' | 'end' } | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    setRevision((r) => r + 1);
  };
  const items = list.data?.items ?? [];
  const current = items.filter((l) => l.status !== 'ended');
  const history = items.filter((l) => l.status === 'ended');
  return (
    <Section title="Bevillingskompetence" id="bevillingskompetence">
      <p>
        Hvor meget en medarbejder i en rolle og enhed selv kan bevilge pr. bevilling. Ligger prisen over, går sagen til visitationsforummet. Visitationen bruger
        den grænse, der gælder på dagen for afgørelsen.
      </p>
      <Notice message={notice} />
      {list.loading && !list.data && <Loading what="Henter grænserne" />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <>
          <h3 ref={heading}>Gældende og planlagte grænser</h3>
          {current.length === 0 ? (
            <Empty>Der er ingen grænser. Alle bevillinger går til visitationsforummet.</Empty>
          ) : (
            <TableScroll label="Gældende og planlagte grænser">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Rolle og enhed</th>
                    <th scope="col">Kategori</th>
                    <th scope="col">Grænse</th>
                    <th scope="col">Gælder</th>
                    {canManage && <th scope="col">Handling</th>}
                  </tr>
                </thead>
                <tbody>
                  {current.map((l) => (
                    <tr key={l.id}>
                      <RoleAndUnit limit={l} />
                      <td>{categoryLabel(l.category)}</td>
                      <td>{amountText(l)}</td>
                      <td>
                        <Period limit={l} />
                        <br />
                        <span className={BADGE[l.status]}>{STATUS[l.status]}</span>
                      </td>
                      {canManage && (
                        <td>
                          <div className="button-row compact">
                            <button type="button" className="button button-secondary" onClick={() => setEditing({ id: l.id, what: 'change' })}>
                              Ret beløb<span className="visually-hidden"> for {l.roleLabel}, {l.unitName}, {categoryLabel(l.category)}</span>
                            </button>
                            <button type="button" className="button button-secondary" onClick={() => setEditing({ id: l.id, what: 'end' })}>
                              Afslut<span className="visually-hidden"> grænsen for {l.roleLabel}, {l.unitName}, {categoryLabel(l.category)}</span>
                            </button>
                          </div>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {editing && editing !== 'new' && (() => {
            const limit = items.find((l) => l.id === editing.id);
            if (!limit) return null;
            const Form = editing.what === 'change' ? ChangeLimitForm : EndLimitForm;
            return <Form key={`${editing.id}-${editing.what}`} limit={limit} onDone={done} onCancel={() => setEditing(null)} />;
          })()}
          {canManage && editing !== 'new' && (
            <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
              Ny grænse
            </button>
          )}
          {editing === 'new' && <NewLimitForm list={list.data} onDone={done} onCancel={() => setEditing(null)} />}
          <h3>Historik</h3>
          {history.length === 0 ? (
            <Empty>Ingen grænser er ændret eller afsluttet endnu.</Empty>
          ) : (
            <TableScroll label="Historik over grænser">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Rolle og enhed</th>
                    <th scope="col">Kategori</th>
                    <th scope="col">Grænse</th>
                    <th scope="col">Gjaldt</th>
                    <th scope="col">Ændret</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((l) => (
                    <tr key={l.id}>
                      <RoleAndUnit limit={l} />
                      <td>{categoryLabel(l.category)}</td>
                      <td>{amountText(l)}</td>
                      <td>
                        <Period limit={l} />
                      </td>
                      <td>
                        {l.endedAt ? `${formatInstant(l.endedAt)} af ${l.endedByName ?? 'systemet'}` : '–'}
                        {l.endReason && <span className="sub-inline">. {l.endReason}</span>}
                      </td>
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

function RoleAndUnit({ limit }: { limit: AuthorityLimit }) {
  return (
    <th scope="row">
      {limit.roleLabel}
      <br />
      <span className="sub-inline">{limit.unitName}</span>
    </th>
  );
}

function Period({ limit }: { limit: AuthorityLimit }) {
  if (limit.validUntil !== null && limit.validUntil < limit.validFrom) return <>Trådte aldrig i kraft</>;
  return (
    <>
      <DateText date={limit.validFrom} />
      {limit.validUntil ? (
        <>
          {' '}
          – <DateText date={limit.validUntil} />
        </>
      ) : (
        ' og frem'
      )}
    </>
  );
}
