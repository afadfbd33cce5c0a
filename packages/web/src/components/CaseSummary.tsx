import { CLASSIFICATION_LABELS } from '../labels';
import type { CaseOverview } from '../clients/overview';
import type { HolisticCase } from '../types';
import { DateText, InstantText } from './DateText';
import { PhaseControl } from './PhaseControl';

/** Who coordinates, which phase, the consent gate, the target group, and what needs attention now. */
export function CaseSummary({ kase, overview, refresh }: { kase: HolisticCase; overview: CaseOverview; refresh: () => void }) {
  const screening = overview.screening;
  return (
    <section aria-label="Om sagen" className="panel summary">
      <dl className="facts">
        <div>
          <dt>Fase</dt>
          <dd>
            <span className="strong">{kase.phaseLabel}</span>
            <PhaseControl kase={kase} onChanged={refresh} />
          </dd>
        </div>
        <div>
          <dt>Koordinerende sagsbehandler</dt>
          <dd>
            {kase.coordinator ? (
              <>
                <span className="strong">{kase.coordinator.name}</span>
                <span className="sub">{kase.coordinator.title}</span>
                <a className="sub" href={`mailto:${kase.coordinator.email}`}>
                  {kase.coordinator.email}
                </a>
              </>
            ) : (
              'Ingen – sagen mangler en koordinerende sagsbehandler'
            )}
          </dd>
        </div>
        <div>
          <dt>Koordinerende team</dt>
          <dd>{kase.coordinatingTeam?.name ?? 'Intet team'}</dd>
        </div>
        <div>
          <dt>Samtykke til indsatsen</dt>
          <dd>
            {kase.holisticConsent ? (
              <span className="badge badge-ok">Givet</span>
            ) : (
              <>
                <span className="badge badge-warn">Mangler</span>
                <span className="sub">Der er intet aktivt samtykke, så sagen kan ikke gå videre end samtykkefasen.</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Målgruppe</dt>
          <dd>
            {screening ? (
              <>
                <span className="strong">{CLASSIFICATION_LABELS[screening.classification]}</span>
                <span className="sub">
                  Screenet <DateText date={screening.evaluatedOn} /> efter {screening.ruleSetId}
                </span>
              </>
            ) : (
              'Ikke screenet endnu'
            )}
          </dd>
        </div>
        <div>
          <dt>{kase.closedAt ? 'Sagen afsluttet' : 'Sagen oprettet'}</dt>
          <dd>
            <InstantText at={kase.closedAt ?? kase.openedAt} />
          </dd>
        </div>
      </dl>
      <Attention overview={overview} />
    </section>
  );
}

/** What the coordinating caseworker should act on, each with a link to its section. */
function Attention({ overview: o }: { overview: CaseOverview }) {
  const notStarted = o.interventionsBySector.flatMap((s) => s.items).filter((i) => i.notStarted);
  const openComplaints = o.complaints.filter((c) => c.status === 'received');
  const items = [
    ...o.dueFollowUps.map((f) => ({
      key: `f-${f.goalId}`,
      href: '#plan',
      text: (
        <>
          Opfølgning på »{f.goalTitle}« skulle være sket <DateText date={f.nextFollowUpOn} />
        </>
      ),
    })),
    ...notStarted.map((i) => ({
      key: `i-${i.id}`,
      href: '#indsatser',
      text: (
        <>
          »{i.title}« er aftalt, men ikke startet{i.startDate && <> (planlagt <DateText date={i.startDate} />)</>}
        </>
      ),
    })),
    ...(o.calendar && o.calendar.conflicts.length > 0
      ? [{ key: 'cal', href: '#kalender', text: <>{o.calendar.conflicts.length === 1 ? '1 konflikt' : `${o.calendar.conflicts.length} konflikter`} i kalenderen</> }]
      : []),
    ...o.openNewInformation.map((n) => ({ key: `n-${n.taskId}`, href: '#opgaver', text: <>Ny information: {n.title}</> })),
    ...openComplaints.map((c) => ({
      key: `c-${c.id}`,
      href: '#afgoerelser',
      text: (
        <>
          Klage modtaget – genvurdering senest <DateText date={c.reassessmentDeadline} />
        </>
      ),
    })),
    ...(o.unreadMessages > 0 ? [{ key: 'msg', href: null, text: <>{o.unreadMessages === 1 ? '1 ulæst besked' : `${o.unreadMessages} ulæste beskeder`} fra borgeren</> }] : []),
  ];
  if (items.length === 0) return null;
  return (
    <div className="attention">
      <h2 className="h3">Kræver opmærksomhed</h2>
      <ul>
        {items.map((i) => (
          <li key={i.key}>{i.href ? <a href={i.href}>{i.text}</a> : i.text}</li>
        ))}
      </ul>
    </div>
  );
}
