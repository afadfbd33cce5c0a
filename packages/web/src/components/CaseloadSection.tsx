import { RELATION_LABELS } from '../labels';
import { Link } from '../router';
import type { Caseload } from '../types';
import type { Resource } from '../useResource';
import { InstantText } from './DateText';
import { Section, TableScroll } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';

/** "Min sagsstamme": the open cases I coordinate or my team does. */
export function CaseloadSection({ caseload }: { caseload: Resource<Caseload> }) {
  const items = caseload.data?.items ?? [];
  return (
    <Section title="Min sagsstamme">
      {caseload.loading && <Loading />}
      <ErrorAlert error={caseload.error} />
      {caseload.data && items.length === 0 && <Empty>Du har ingen åbne sager.</Empty>}
      {items.length > 0 && (
        <TableScroll label="Min sagsstamme">
          <table>
            <thead>
              <tr>
                <th scope="col">Borger</th>
                <th scope="col">Fase</th>
                <th scope="col" className="num">
                  Åbne opgaver
                </th>
                <th scope="col" className="hide-narrow">
                  Sag oprettet
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/sager/${encodeURIComponent(c.id)}`}>{c.citizenName}</Link>
                    <span className="cell-note">{RELATION_LABELS[c.relation]}</span>
                  </th>
                  <td>{c.phaseLabel}</td>
                  <td className="num">{c.openTasks > 0 ? <strong>{c.openTasks}</strong> : c.openTasks}</td>
                  <td className="hide-narrow">
                    <InstantText at={c.openedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}
