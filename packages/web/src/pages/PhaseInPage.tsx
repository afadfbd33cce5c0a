/** Phase-in (indfasning): how far the municipality is with the skal-group and the kan-group — chart and table. */
import { useId } from 'react';
import { Section, TableScroll } from '../components/Section';
import { ErrorAlert, Loading } from '../components/Status';
import { phaseInPath } from '../clients/target-group';
import type { GroupProgress, PhaseIn } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';

const STEPS: { key: keyof Omit<GroupProgress, 'offeredShare'>; label: string }[] = [
  { key: 'candidates', label: 'Kandidater' },
  { key: 'assessed', label: 'Vurderet' },
  { key: 'offered', label: 'Tilbudt indsatsen' },
  { key: 'withCase', label: 'Med sag' },
  { key: 'consented', label: 'Med samtykke' },
];
const GROUPS = [
  { key: 'mandatory', label: 'Skal-gruppen' },
  { key: 'optional', label: 'Kan-gruppen' },
] as const;

const pct = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

export function PhaseInPage() {
  usePageTitle('Indfasning');
  const phaseIn = useResource<PhaseIn>(phaseInPath);
  const d = phaseIn.data;
  return (
    <>
      <h1 tabIndex={-1}>Indfasning af målgruppen</h1>
      <p className="lead">Hvor mange af borgerne i målgruppen er vurderet, har fået tilbudt indsatsen, har en sag og har givet samtykke.</p>
      {phaseIn.loading && !d && <Loading />}
      <ErrorAlert error={phaseIn.error} />
      {d && (
        <>
          <Section title="Andel tilbudt indsatsen">
            <p>
              Skal-gruppen: <strong>{pct.format(d.mandatory.offeredShare)} %</strong> · Kan-gruppen: <strong>{pct.format(d.optional.offeredShare)} %</strong>
            </p>
            <PhaseInChart data={d} />
          </Section>
          <Section title="Tallene bag grafen">
            <TableScroll label="Indfasning i tal">
              <table>
                <caption className="visually-hidden">Indfasning: antal borgere pr. trin og gruppe</caption>
                <thead>
                  <tr>
                    <th scope="col">Trin</th>
                    {GROUPS.map((g) => (
                      <th key={g.key} scope="col" className="num">
                        {g.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {STEPS.map((s) => (
                    <tr key={s.key}>
                      <th scope="row">{s.label}</th>
                      {GROUPS.map((g) => (
                        <td key={g.key} className="num">
                          {d[g.key][s.key]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </Section>
        </>
      )}
    </>
  );
}

/** Horizontal bars per step, one colour per group; the table above carries the same numbers for screen readers. */
function PhaseInChart({ data }: { data: PhaseIn }) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...STEPS.flatMap((s) => GROUPS.map((g) => data[g.key][s.key])));
  const labelW = 150;
  const barW = 400;
  const rowH = 48;
  const height = STEPS.length * rowH + 40;
  const colours = { mandatory: '#0b4f8a', optional: '#2e7d32' } as const;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${labelW + barW + 60} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>Indfasning af målgruppen</title>
        <desc id={descId}>
          {`Søjler pr. trin for skal-gruppen og kan-gruppen. ${STEPS.map((s) => `${s.label}: ${data.mandatory[s.key]} og ${data.optional[s.key]}`).join('. ')}.`}
        </desc>
        {STEPS.map((s, i) => (
          <g key={s.key} transform={`translate(0 ${i * rowH})`}>
            <text x={0} y={26} fontSize={14} fill="#1a1a1a">
              {s.label}
            </text>
            {GROUPS.map((g, j) => {
              const v = data[g.key][s.key];
              const w = (v / max) * barW;
              return (
                <g key={g.key}>
                  <rect x={labelW} y={6 + j * 18} width={Math.max(w, 1)} height={16} fill={colours[g.key]} />
                  <text x={labelW + Math.max(w, 1) + 6} y={19 + j * 18} fontSize={13} fill="#1a1a1a">
                    {v}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        <g transform={`translate(${labelW} ${STEPS.length * rowH + 12})`}>
          {GROUPS.map((g, j) => (
            <g key={g.key} transform={`translate(${j * 160} 0)`}>
              <rect width={14} height={14} fill={colours[g.key]} />
              <text x={20} y={12} fontSize={13} fill="#1a1a1a">
                {g.label}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="hint">Tallene står også i tabellen nedenfor.</figcaption>
    </figure>
  );
}
