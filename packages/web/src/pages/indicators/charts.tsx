/**
 * Charts as plain SVG (no chart library: the page stays light). Each is an
 * image with a title and a short description for screen readers; the legend
 * is HTML text, and every chart has its numbers in a table next to it.
 * Colours keep 3:1 against white (WCAG 1.4.11); stacked parts are parted by
 * white lines.
 */
import { useId, type ReactNode } from 'react';

/** An x-axis place: a short label, and a second line (the year) where it changes. */
export type Category = { key: string; label: string; sub?: string };
export type Series = { key: string; label: string; colour: string; values: (number | null)[] };

export const COLOURS = {
  blue: '#0b4f8a',
  green: '#2e7d32',
  orange: '#a35200',
  purple: '#6a1b9a',
  grey: '#6b6b6b',
  red: '#b3261e',
  teal: '#00695c',
} as const;

const TEXT = '#1a1a1a';
const GRID = '#d0d4da';
const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** A round upper bound for an axis and its steps: 0, 5, 10 … or 0, 20, 40 … */
function axis(max: number, steps = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / steps;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => Math.round(i * step * 1000) / 1000);
}

function Figure({ title, description, width, height, legend, children }: { title: string; description: string; width: number; height: number; legend?: { label: string; colour: string; shape?: 'bar' | 'line' }[]; children: ReactNode }) {
  const titleId = useId();
  const descId = useId();
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} style={{ maxWidth: `${width}px` }}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {children}
      </svg>
      {legend && legend.length > 1 && (
        <ul className="legend">
          {legend.map((l) => (
            <li key={l.label}>
              <span className={`swatch${l.shape === 'line' ? ' swatch-line' : ''}`} style={{ background: l.colour }} aria-hidden="true" />
              {l.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

function YAxis({ ticks, top, bottom, left, right, format }: { ticks: number[]; top: number; bottom: number; left: number; right: number; format: (n: number) => string }) {
  const max = ticks[ticks.length - 1]!;
  return (
    <g>
      {ticks.map((t) => {
        const y = bottom - ((bottom - top) * t) / max;
        return (
          <g key={t}>
            <line x1={left} x2={right} y1={y} y2={y} stroke={GRID} strokeWidth={1} />
            <text x={left - 6} y={y + 4} fontSize={12} textAnchor="end" fill={TEXT}>
              {format(t)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

const PLOT = { left: 48, top: 12, bottom: 40, right: 12 };
/** Room per category: the chart fills about 720 px, never less than `min` a category nor more than 96. */
const slotWidth = (count: number, min: number) => Math.max(min, Math.min(96, Math.floor(720 / Math.max(1, count))));

function XLabel({ x, y, category }: { x: number; y: number; category: Category }) {
  return (
    <text x={x} y={y} fontSize={12} textAnchor="middle" fill={TEXT}>
      {category.label}
      {category.sub && (
        <tspan x={x} dy={14}>
          {category.sub}
        </tspan>
      )}
    </text>
  );
}

/** Columns per category (month, quarter, year): side by side, or stacked when the series are parts of a whole. */
export function ColumnChart({ title, description, categories, series, stacked = false, format = (n) => number.format(n) }: { title: string; description: string; categories: Category[]; series: Series[]; stacked?: boolean; format?: (n: number) => string }) {
  const slot = slotWidth(categories.length, stacked ? 34 : 14 * series.length + 14);
  const width = PLOT.left + PLOT.right + slot * categories.length;
  const height = 240;
  const bottom = height - PLOT.bottom;
  const totals = categories.map((_, i) => (stacked ? series.reduce((s, x) => s + (x.values[i] ?? 0), 0) : Math.max(0, ...series.map((x) => x.values[i] ?? 0))));
  const ticks = axis(Math.max(...totals, 0));
  const max = ticks[ticks.length - 1]!;
  const top = PLOT.top + (series.length === 1 ? 12 : 0);
  const scale = (v: number) => ((bottom - top) * v) / max;
  const barWidth = stacked ? slot - 10 : (slot - 10) / series.length;
  return (
    <Figure title={title} description={description} width={width} height={height} legend={series.map((s) => ({ label: s.label, colour: s.colour }))}>
      <YAxis ticks={ticks} top={top} bottom={bottom} left={PLOT.left} right={width - PLOT.right} format={format} />
      {categories.map((c, i) => {
        const x0 = PLOT.left + i * slot + 5;
        let stackTop = bottom;
        return (
          <g key={c.key}>
            {series.map((s, j) => {
              const v = s.values[i];
              if (v === null || v === undefined || v <= 0) return null;
              const h = scale(v);
              const x = stacked ? x0 : x0 + j * barWidth;
              const y = stacked ? stackTop - h : bottom - h;
              if (stacked) stackTop -= h;
              return <rect key={s.key} x={x} y={y} width={barWidth - (stacked ? 0 : 2)} height={h} fill={s.colour} stroke="#fff" strokeWidth={stacked ? 1 : 0} />;
            })}
            {series.length === 1 && (
              // one series: its value written over the column, "for få" where it is not shown
              <text x={x0 + (slot - 10) / 2} y={bottom - scale(series[0]!.values[i] ?? 0) - 5} fontSize={12} textAnchor="middle" fill={TEXT}>
                {series[0]!.values[i] === null ? 'for få' : format(series[0]!.values[i]!)}
              </text>
            )}
            <XLabel x={x0 + (slot - 10) / 2} y={bottom + 16} category={c} />
          </g>
        );
      })}
      <line x1={PLOT.left} x2={width - PLOT.right} y1={bottom} y2={bottom} stroke={TEXT} strokeWidth={1} />
    </Figure>
  );
}

/** Median with the middle half (first to third quartile) per category; a gap where there are too few to show. */
export function RangeChart({ title, description, categories, points, unit }: { title: string; description: string; categories: Category[]; points: ({ q1: number; median: number; q3: number } | null)[]; unit: string }) {
  const slot = slotWidth(categories.length, 34);
  const width = PLOT.left + PLOT.right + slot * categories.length;
  const height = 240;
  const bottom = height - PLOT.bottom;
  const ticks = axis(Math.max(0, ...points.map((p) => p?.q3 ?? 0)));
  const max = ticks[ticks.length - 1]!;
  const y = (v: number) => bottom - ((bottom - PLOT.top) * v) / max;
  return (
    <Figure
      title={title}
      description={description}
      width={width}
      height={height}
      legend={[
        { label: `Median (${unit})`, colour: COLOURS.blue, shape: 'line' },
        { label: 'Midterste halvdel (1. til 3. kvartil)', colour: '#9fbddb' },
      ]}
    >
      <YAxis ticks={ticks} top={PLOT.top} bottom={bottom} left={PLOT.left} right={width - PLOT.right} format={(n) => number.format(n)} />
      {categories.map((c, i) => {
        const p = points[i];
        const cx = PLOT.left + i * slot + slot / 2;
        return (
          <g key={c.key}>
            {p ? (
              <>
                <rect x={cx - slot / 4} y={y(p.q3)} width={slot / 2} height={Math.max(2, y(p.q1) - y(p.q3))} fill="#9fbddb" stroke={COLOURS.blue} strokeWidth={1} />
                <line x1={cx - slot / 3} x2={cx + slot / 3} y1={y(p.median)} y2={y(p.median)} stroke={COLOURS.blue} strokeWidth={4} />
              </>
            ) : (
              <text x={cx} y={bottom - 6} fontSize={11} textAnchor="middle" fill={COLOURS.grey}>
                –
              </text>
            )}
            <XLabel x={cx} y={bottom + 16} category={c} />
          </g>
        );
      })}
      <line x1={PLOT.left} x2={width - PLOT.right} y1={bottom} y2={bottom} stroke={TEXT} strokeWidth={1} />
    </Figure>
  );
}

/** Horizontal bars with their value written at the end: steps of a funnel, outcomes, before and now. */
export function BarList({ title, description, rows, format = (n) => number.format(n) }: { title: string; description: string; rows: { label: string; value: number; colour: string }[]; format?: (n: number) => string }) {
  // about 7 px a character at 13 px: the longest label fits
  const labelWidth = Math.max(120, Math.ceil(Math.max(...rows.map((r) => r.label.length)) * 7.2) + 12);
  const barWidth = 300;
  const rowHeight = 30;
  const width = labelWidth + barWidth + 70;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Figure title={title} description={description} width={width} height={height}>
      {rows.map((r, i) => {
        const w = Math.max(r.value > 0 ? 2 : 0, (r.value / max) * barWidth);
        return (
          <g key={r.label} transform={`translate(0 ${i * rowHeight + 4})`}>
            <text x={labelWidth - 8} y={17} fontSize={13} textAnchor="end" fill={TEXT}>
              {r.label}
            </text>
            <rect x={labelWidth} y={3} width={w} height={20} fill={r.colour} />
            <text x={labelWidth + w + 6} y={18} fontSize={13} fill={TEXT}>
              {format(r.value)}
            </text>
          </g>
        );
      })}
    </Figure>
  );
}
