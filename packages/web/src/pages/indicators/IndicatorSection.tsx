/** One indicator: its heading, a one-line reading in plain Danish, the chart, and the numbers in a table. */
import type { ReactNode } from 'react';
import { Section, TableScroll } from '../../components/Section';

export function IndicatorSection({ id, title, reading, chart, table, tableLabel, children }: { id: string; title: string; reading: ReactNode; chart: ReactNode; table: ReactNode; tableLabel: string; children?: ReactNode }) {
  return (
    <Section title={title} id={id} className="indicator">
      <p className="reading">{reading}</p>
      {chart}
      {children}
      <details className="numbers">
        <summary>Tallene bag grafen</summary>
        <TableScroll label={tableLabel}>{table}</TableScroll>
      </details>
    </Section>
  );
}

/** A statistic that rests on fewer citizens than the small number. */
export function TooFew() {
  return <span className="too-few">for få</span>;
}
