/** What came of it: interventions started, complaints and their outcomes, employment, the citizens' own answer. */
import { APPEAL_OUTCOME_LABELS, COMPLAINT_OUTCOME_LABELS, INDICATOR_TITLES, START_LABELS } from '@helhed/core';
import type { Indicators } from '../../clients/indicators';
import { formatDate } from '../../format';
import { BarList, ColumnChart, COLOURS } from './charts';
import { monthCategory, monthName, num, percent, quarterCategory, quarterName } from './format';
import { IndicatorSection, TooFew } from './IndicatorSection';

type Props = { d: Indicators };

const STARTS = [
  ['onTime', COLOURS.green],
  ['late', COLOURS.orange],
  ['notStarted', COLOURS.red],
] as const;

export function NotStartedSection({ d }: Props) {
  const n = d.notStarted;
  return (
    <IndicatorSection
      id="ikke-startet"
      title={INDICATOR_TITLES.notStarted}
      reading={
        `I dag er ${num(n.now.count)} aftalte ${n.now.count === 1 ? 'indsats' : 'indsatser'} i åbne sager ikke startet, selv om startdatoen er passeret.` +
        (n.total.due > 0 ? ` I perioden startede ${percent(n.total.onTime / n.total.due)} af indsatserne til tiden.` : '')
      }
      chart={
        <ColumnChart
          title="Aftalte indsatser pr. måned for den planlagte start"
          description={`I alt ${n.total.due} skulle starte: ${STARTS.map(([k]) => `${START_LABELS[k].toLowerCase()} ${n.total[k]}`).join(', ')}.`}
          categories={n.months.map((m, i) => monthCategory(m.month, i))}
          series={STARTS.map(([k, colour]) => ({ key: k, label: START_LABELS[k], colour, values: n.months.map((m) => m[k]) }))}
          stacked
        />
      }
      tableLabel="Aftalte indsatser i tal"
      table={
        <>
          <table>
            <caption>Pr. måned for den planlagte start</caption>
            <thead>
              <tr>
                <th scope="col">Måned</th>
                <th scope="col" className="num">
                  Skulle starte
                </th>
                {STARTS.map(([k]) => (
                  <th key={k} scope="col" className="num">
                    {START_LABELS[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...n.months, { month: 'I alt', ...n.total }].map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month === 'I alt' ? 'Hele perioden' : monthName(m.month)}</th>
                  <td className="num">{m.due}</td>
                  {STARTS.map(([k]) => (
                    <td key={k} className="num">
                      {m[k]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>Ikke startet i dag, efter sektor</caption>
            <thead>
              <tr>
                <th scope="col">Sektor</th>
                <th scope="col" className="num">
                  Ikke startet
                </th>
              </tr>
            </thead>
            <tbody>
              {n.now.bySector.map((s) => (
                <tr key={s.sector}>
                  <th scope="row">{s.label}</th>
                  <td className="num">{s.count}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">I alt</th>
                <td className="num">{n.now.count}</td>
              </tr>
            </tbody>
          </table>
        </>
      }
    >
      {n.now.bySector.length > 0 && (
        <p className="hint">Ikke startet i dag: {n.now.bySector.map((s) => `${s.label.toLowerCase()} ${s.count}`).join(', ')}.</p>
      )}
    </IndicatorSection>
  );
}

const COMPLAINT_PARTS = [
  ['changedByMunicipality', COLOURS.green],
  ['upheldAndForwarded', COLOURS.blue],
  ['awaitingReassessment', COLOURS.grey],
  ['refusedLate', COLOURS.orange],
] as const;
const APPEAL_PARTS = [
  ['stadfaestet', COLOURS.blue],
  ['aendret', COLOURS.green],
  ['ophaevet', COLOURS.teal],
  ['hjemvist', COLOURS.purple],
  ['awaiting', COLOURS.grey],
] as const;

export function ComplaintsSection({ d }: Props) {
  const t = d.complaints.total;
  const decided = t.upheldAndForwarded - t.appeal.awaiting;
  return (
    <IndicatorSection
      id="klager"
      title={INDICATOR_TITLES.complaints}
      reading={
        t.received === 0
          ? 'Der kom ingen klager i perioden.'
          : `${num(t.received)} ${t.received === 1 ? 'klage' : 'klager'} i perioden: ${num(t.changedByMunicipality)} ændret af kommunen, ${num(t.upheldAndForwarded)} sendt til Ankestyrelsen` +
            (decided > 0 ? `, hvor ${num(t.appeal.stadfaestet)} af ${num(decided)} afgjorte er stadfæstet.` : '.')
      }
      chart={
        <BarList
          title="Klagernes udfald i perioden"
          description={[...COMPLAINT_PARTS.map(([k]) => `${COMPLAINT_OUTCOME_LABELS[k]}: ${t[k]}`), ...APPEAL_PARTS.map(([k]) => `Ankestyrelsen, ${APPEAL_OUTCOME_LABELS[k].toLowerCase()}: ${t.appeal[k]}`)].join('. ')}
          rows={[
            ...COMPLAINT_PARTS.map(([k, colour]) => ({ label: COMPLAINT_OUTCOME_LABELS[k], value: t[k], colour })),
            ...APPEAL_PARTS.map(([k, colour]) => ({ label: `Ankestyrelsen: ${APPEAL_OUTCOME_LABELS[k].toLowerCase()}`, value: t.appeal[k], colour })),
          ]}
        />
      }
      tableLabel="Klager i tal"
      table={
        <table>
          <caption className="visually-hidden">Klager pr. måned for modtagelsen, efter udfald</caption>
          <thead>
            <tr>
              <th scope="col">Modtaget</th>
              <th scope="col" className="num">
                Klager
              </th>
              {COMPLAINT_PARTS.map(([k]) => (
                <th key={k} scope="col" className="num">
                  {COMPLAINT_OUTCOME_LABELS[k]}
                </th>
              ))}
              {APPEAL_PARTS.map(([k]) => (
                <th key={k} scope="col" className="num">
                  Ankestyrelsen: {APPEAL_OUTCOME_LABELS[k].toLowerCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...d.complaints.months, { month: 'I alt', ...t }].map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month === 'I alt' ? 'Hele perioden' : monthName(m.month)}</th>
                <td className="num">{m.received}</td>
                {COMPLAINT_PARTS.map(([k]) => (
                  <td key={k} className="num">
                    {m[k]}
                  </td>
                ))}
                {APPEAL_PARTS.map(([k]) => (
                  <td key={k} className="num">
                    {m.appeal[k]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function EmploymentSection({ d }: Props) {
  const years = d.employment.years;
  const last = years[years.length - 1];
  const change = last?.changePoints ?? null;
  return (
    <IndicatorSection
      id="beskaeftigelse"
      title={INDICATOR_TITLES.employment}
      reading={
        !last || last.share === null
          ? 'For få borgere til at vise en andel.'
          : `${formatDate(last.measuredOn)} var ${percent(last.share)} af borgerne i indsatsen i job eller selvforsørgende` +
            (change === null ? '.' : `, ${num(Math.abs(change))} procentpoint ${change >= 0 ? 'flere' : 'færre'} end året før.`)
      }
      chart={
        <ColumnChart
          title="Andel i job eller selvforsørgende, år for år"
          description={years.map((y) => `${y.year}: ${y.share === null ? 'for få borgere' : percent(y.share)}`).join('. ')}
          categories={years.map((y) => ({ key: String(y.year), label: String(y.year) }))}
          series={[{ key: 'share', label: 'Andel', colour: COLOURS.green, values: years.map((y) => (y.share === null ? null : Math.round(y.share * 1000) / 10)) }]}
          format={(n) => `${num(n)} %`}
        />
      }
      tableLabel="Beskæftigelse i tal"
      table={
        <table>
          <caption className="visually-hidden">Borgere i indsatsen, der er i job eller selvforsørgende, pr. år</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col">Målt</th>
              <th scope="col" className="num">
                Borgere
              </th>
              <th scope="col" className="num">
                I job eller selvforsørgende
              </th>
              <th scope="col" className="num">
                Andel
              </th>
              <th scope="col" className="num">
                Ændring (procentpoint)
              </th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>{formatDate(y.measuredOn)}</td>
                <td className="num">{y.citizens}</td>
                <td className="num">{y.selfSupporting}</td>
                <td className="num">{y.share === null ? <TooFew /> : percent(y.share)}</td>
                <td className="num">{y.changePoints === null ? '–' : `${y.changePoints > 0 ? '+' : ''}${num(y.changePoints)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <details className="definition">
        <summary>Sådan er tallet lavet</summary>
        <p>{d.employment.definition}</p>
      </details>
    </IndicatorSection>
  );
}

export function SurveySection({ d }: Props) {
  const periods = d.survey.periods;
  const shown = periods.filter((p) => p.share !== null);
  const last = shown[shown.length - 1];
  return (
    <IndicatorSection
      id="sammenhaengende-forloeb"
      title={INDICATOR_TITLES.survey}
      reading={
        last
          ? `${percent(last.share!)} af dem, der svarede i ${quarterName(last.period)}, oplever et sammenhængende forløb (${num(last.counted)} svar).`
          : 'For få svar til at vise en andel.'
      }
      chart={
        <ColumnChart
          title={`Andel der svarer ja til »${d.survey.question}«, pr. kvartal`}
          description={periods.map((p) => `${quarterName(p.period)}: ${p.share === null ? `${p.answers} svar, for få til en andel` : percent(p.share)}`).join('. ')}
          categories={periods.map((p, i) => quarterCategory(p.period, i))}
          series={[{ key: 'share', label: 'Andel ja', colour: COLOURS.blue, values: periods.map((p) => (p.share === null ? null : Math.round(p.share * 1000) / 10)) }]}
          format={(n) => `${num(n)} %`}
        />
      }
      tableLabel="Spørgeskemaet i tal"
      table={
        <table>
          <caption className="visually-hidden">Svar på spørgsmålet pr. kvartal</caption>
          <thead>
            <tr>
              <th scope="col">Kvartal</th>
              <th scope="col" className="num">
                Svar
              </th>
              <th scope="col" className="num">
                Ja eller nej
              </th>
              <th scope="col" className="num">
                Ja
              </th>
              <th scope="col" className="num">
                Andel ja
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{quarterName(p.period)}</th>
                <td className="num">{p.answers}</td>
                <td className="num">{p.counted}</td>
                <td className="num">{p.positive ?? (p.counted ? <TooFew /> : '–')}</td>
                <td className="num">{p.share === null ? (p.counted ? <TooFew /> : '–') : percent(p.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <p className="hint">»Ja« er »Ja, i høj grad« og »Ja, i nogen grad«; »Ved ikke« tæller ikke med i andelen.</p>
    </IndicatorSection>
  );
}
