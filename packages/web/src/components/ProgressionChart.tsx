/** A goal's progression over its follow-ups as a small line chart; the same numbers are in its description and in the table beside it. */
import { PROGRESSION_MAX, PROGRESSION_MIN } from '@helhed/core';
import { useId } from 'react';
import type { GoalProgress } from '../clients/plan';
import { formatDate } from '../format';

const short = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function ProgressionChart({ goalTitle, followUps }: { goalTitle: string; followUps: GoalProgress['followUps'] }) {
  const titleId = useId();
  const descId = useId();
  const width = 360;
  const height = 150;
  const left = 28;
  const right = 16;
  const top = 10;
  const bottom = 34;
  const span = PROGRESSION_MAX - PROGRESSION_MIN;
  const x = (i: number) => (followUps.length === 1 ? left + (width - left - right) / 2 : left + (i * (width - left - right)) / (followUps.length - 1));
  const y = (v: number) => top + ((PROGRESSION_MAX - v) * (height - top - bottom)) / span;
  const points = followUps.map((f, i) => `${x(i)},${y(f.progression)}`).join(' ');
  return (
    <svg className="progression-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{`Progression for »${goalTitle}«`}</title>
      <desc id={descId}>{followUps.map((f) => `${formatDate(f.recordedOn)}: ${f.progression} af ${PROGRESSION_MAX}`).join('; ')}</desc>
      {[PROGRESSION_MIN, 5, PROGRESSION_MAX].map((v) => (
        <g key={v}>
          <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke="#c9ced6" strokeWidth={1} />
          <text x={left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill="#4a4f55">
            {v}
          </text>
        </g>
      ))}
      <polyline points={points} fill="none" stroke="#0b4f8a" strokeWidth={2.5} />
      {followUps.map((f, i) => (
        <g key={f.id}>
          <circle cx={x(i)} cy={y(f.progression)} r={4.5} fill="#0b4f8a" />
          <text x={x(i)} y={y(f.progression) - 9} fontSize={12} textAnchor="middle" fill="#1a1a1a" fontWeight={700}>
            {f.progression}
          </text>
          <text x={x(i)} y={height - 12} fontSize={11} textAnchor="middle" fill="#4a4f55">
            {short.format(new Date(`${f.recordedOn}T00:00:00Z`))}
          </text>
        </g>
      ))}
    </svg>
  );
}
