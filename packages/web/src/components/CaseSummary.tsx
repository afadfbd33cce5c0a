import type { HolisticCase } from '../types';
import { InstantText } from './DateText';

/** Who coordinates, which phase, and whether the gatekeeping consent is in place. */
export function CaseSummary({ kase }: { kase: HolisticCase }) {
  return (
    <section aria-label="Om sagen" className="panel summary">
      <dl className="facts">
        <div>
          <dt>Fase</dt>
          <dd>{kase.phaseLabel}</dd>
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
          <dt>{kase.closedAt ? 'Sagen afsluttet' : 'Sagen oprettet'}</dt>
          <dd>
            <InstantText at={kase.closedAt ?? kase.openedAt} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
