/** The target group's work queue: candidates to assess, the skal-group before the kan-group, longest waiting first. */
import { InstantText } from '../components/DateText';
import { Section, TableScroll } from '../components/Section';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { queuePath } from '../clients/target-group';
import { CLASSIFICATION_LABELS } from '../labels';
import { Link } from '../router';
import type { Items, QueueItem } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';

export function QueuePage() {
  usePageTitle('Målgruppe: arbejdskø');
  const queue = useResource<Items<QueueItem>>(queuePath, 'target_group_screening');
  const items = queue.data?.items ?? [];
  const groups = (['mandatory', 'optional'] as const).map((c) => ({ c, items: items.filter((i) => i.classification === c) }));
  return (
    <>
      <h1 tabIndex={-1}>Målgruppe: arbejdskø</h1>
      <p className="lead">
        Borgere, som screeningen har fundet, og som venter på din individuelle vurdering. Borgere, kommunen skal tilbyde indsatsen, står først.
      </p>
      {queue.loading && !queue.data && <Loading what="Henter arbejdskøen" />}
      <ErrorAlert error={queue.error} />
      {queue.data && items.length === 0 && <Empty>Der er ingen borgere, som venter på vurdering.</Empty>}
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <Section key={g.c} title={`${CLASSIFICATION_LABELS[g.c]} (${g.items.length})`}>
            <TableScroll label={CLASSIFICATION_LABELS[g.c]}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Borger</th>
                    <th scope="col">Begrundelse</th>
                    <th scope="col" className="num">
                      Dage i kø
                    </th>
                    <th scope="col" className="hide-narrow">
                      Kandidat siden
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {g.items.map((i) => (
                    <tr key={i.citizenId}>
                      <th scope="row">
                        <Link href={`/maalgruppe/${encodeURIComponent(i.citizenId)}`}>{i.name}</Link>
                      </th>
                      <td>{i.summary}</td>
                      <td className="num">{i.waitingDays}</td>
                      <td className="hide-narrow">
                        <InstantText at={i.candidateSince} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </Section>
        ))}
    </>
  );
}
