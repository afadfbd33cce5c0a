/** The course of the effort: phase-in, consent, contacts per citizen, time to the first plan and decision. */
import { CONSENT_OUTCOME_LABELS, INDICATOR_TITLES } from '@helhed/core';
import type { Indicators } from '../../clients/indicators';
import { formatDate } from '../../format';
import { BarList, ColumnChart, COLOURS, RangeChart } from './charts';
import { days, monthCategory, monthName, num, percent } from './format';
import { IndicatorSection, TooFew } from './IndicatorSection';

type Props = { d: Indicators };

const PHASE_STEPS = [
  ['candidates', 'Kandidater'],
  ['assessed', 'Vurderet'],
  ['offered', 'Tilbudt indsatsen'],
  ['withCase', 'Med sag'],
  ['consented', 'Med samtykke'],
] as const;

export function PhaseInSection({ d }: Props) {
  const g = d.phaseIn.mandatory;
  const basis = d.phaseIn.screenedOn ? `screeningen ${formatDate(d.phaseIn.screenedOn)}` : 'den seneste screening';
  return (
    <IndicatorSection
      id="indfasning"
      title={INDICATOR_TITLES.phaseIn}
      reading={
        g.candidates === 0
          ? 'Kommunen er ikke screenet endnu, så skal-gruppen kendes ikke. Start en screening under Screening.'
          : `${num(g.offeredShare)} % af de ${num(g.candidates)} borgere i skal-gruppen har fået tilbudt indsatsen (efter ${basis}).`
      }
      chart={
        <BarList
          title="Skal-gruppen trin for trin"
          description={PHASE_STEPS.map(([k, l]) => `${l}: ${g[k]}`).join('. ')}
          rows={PHASE_STEPS.map(([k, label], i) => ({ label, value: g[k], colour: i < 2 ? COLOURS.grey : COLOURS.blue }))}
        />
      }
      tableLabel="Indfasning i tal"
      table={
        <table>
          <caption className="visually-hidden">Indfasning: antal borgere pr. trin, skal- og kan-gruppen</caption>
          <thead>
            <tr>
              <th scope="col">Trin</th>
              <th scope="col" className="num">
                Skal-gruppen
              </th>
              <th scope="col" className="num">
                Kan-gruppen
              </th>
            </tr>
          </thead>
          <tbody>
            {PHASE_STEPS.map(([k, label]) => (
              <tr key={k}>
                <th scope="row">{label}</th>
                <td className="num">{d.phaseIn.mandatory[k]}</td>
                <td className="num">{d.phaseIn.optional[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

const OUTCOMES = [
  ['given', COLOURS.green],
  ['withdrawn', COLOURS.orange],
  ['declined', COLOURS.red],
  ['awaiting', COLOURS.grey],
] as const;

export function ConsentSection({ d }: Props) {
  const t = d.consent.total;
  const months = d.consent.months;
  return (
    <IndicatorSection
      id="samtykke"
      title={INDICATOR_TITLES.consent}
      reading={
        t.offered === 0
          ? 'Ingen borgere fik tilbudt indsatsen i perioden.'
          : `${num(t.given + t.withdrawn)} af ${num(t.offered)} borgere, der fik tilbudt indsatsen i perioden, gav samtykke${t.consentShare !== null ? ` (${percent(t.consentShare)})` : ''}; ${num(t.declined)} sagde nej, og ${num(t.withdrawn)} har siden trukket samtykket tilbage.`
      }
      chart={
        <ColumnChart
          title="Borgere tilbudt indsatsen pr. måned, efter svar"
          description={`Søjler pr. måned, delt efter svar. I alt ${t.offered} tilbudt: ${OUTCOMES.map(([k]) => `${CONSENT_OUTCOME_LABELS[k].toLowerCase()} ${t[k]}`).join(', ')}.`}
          categories={months.map((m, i) => monthCategory(m.month, i))}
          series={OUTCOMES.map(([k, colour]) => ({ key: k, label: CONSENT_OUTCOME_LABELS[k], colour, values: months.map((m) => m[k]) }))}
          stacked
        />
      }
      tableLabel="Samtykke i tal"
      table={
        <table>
          <caption className="visually-hidden">Samtykke pr. måned for tilbuddet</caption>
          <thead>
            <tr>
              <th scope="col">Måned</th>
              <th scope="col" className="num">
                Tilbudt
              </th>
              {OUTCOMES.map(([k]) => (
                <th key={k} scope="col" className="num">
                  {CONSENT_OUTCOME_LABELS[k]}
                </th>
              ))}
              <th scope="col" className="num">
                Andel med samtykke
              </th>
            </tr>
          </thead>
          <tbody>
            {[...months, { month: 'I alt', ...t }].map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month === 'I alt' ? 'Hele perioden' : monthName(m.month)}</th>
                <td className="num">{m.offered}</td>
                {OUTCOMES.map(([k]) => (
                  <td key={k} className="num">
                    {m[k]}
                  </td>
                ))}
                <td className="num">{m.consentShare === null ? (m.offered ? <TooFew /> : '–') : percent(m.consentShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function ContactsSection({ d }: Props) {
  const c = d.contacts;
  return (
    <IndicatorSection
      id="kontaktpersoner"
      title={INDICATOR_TITLES.contacts}
      reading={
        c.before && c.now
          ? `Medianen var ${num(c.before.median)} myndighedspersoner pr. borger året før indsatsen og er nu ${num(c.now.median)}; ${num(c.fewerNow)} af ${num(c.cases)} borgere har færre end før.`
          : `For få sager (${c.cases}) til at vise et tal.`
      }
      chart={
        c.before && c.now ? (
          <BarList
            title="Myndighedspersoner pr. borger, før og nu"
            description={`Gennemsnit før ${num(c.before.mean)}, nu ${num(c.now.mean)}. Median før ${num(c.before.median)}, nu ${num(c.now.median)}.`}
            rows={[
              { label: 'Før indsatsen (gennemsnit)', value: c.before.mean, colour: COLOURS.grey },
              { label: `Nu (gennemsnit)`, value: c.now.mean, colour: COLOURS.blue },
              { label: 'Før indsatsen (median)', value: c.before.median, colour: COLOURS.grey },
              { label: 'Nu (median)', value: c.now.median, colour: COLOURS.blue },
            ]}
          />
        ) : null
      }
      tableLabel="Kontaktpersoner i tal"
      table={
        <table>
          <caption className="visually-hidden">Myndighedspersoner pr. borger i de åbne sager {formatDate(c.measuredOn)}</caption>
          <thead>
            <tr>
              <th scope="col">Mål</th>
              <th scope="col" className="num">
                Før indsatsen
              </th>
              <th scope="col" className="num">
                Nu
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Gennemsnit</th>
              <td className="num">{c.before ? num(c.before.mean) : <TooFew />}</td>
              <td className="num">{c.now ? num(c.now.mean) : <TooFew />}</td>
            </tr>
            <tr>
              <th scope="row">Median</th>
              <td className="num">{c.before ? num(c.before.median) : <TooFew />}</td>
              <td className="num">{c.now ? num(c.now.median) : <TooFew />}</td>
            </tr>
            <tr>
              <th scope="row">Åbne sager</th>
              <td className="num" colSpan={2}>
                {c.cases}
              </td>
            </tr>
          </tbody>
        </table>
      }
    >
      <p className="hint">
        Før = myndighedspersoner i de 12 måneder før sagen blev oprettet. Nu = myndighedspersoner på sagen {formatDate(c.measuredOn)}, i de sager, der var åbne den dag.
      </p>
    </IndicatorSection>
  );
}

export function MilestoneSection({ d, which }: Props & { which: 'timeToPlan' | 'timeToDecision' }) {
  const m = d[which];
  const what = which === 'timeToPlan' ? 'den første plan' : 'den første samlede afgørelse';
  const shown = m.months.filter((x) => x.days !== null);
  const first = shown[0];
  const last = shown[shown.length - 1];
  return (
    <IndicatorSection
      id={which === 'timeToPlan' ? 'tid-til-plan' : 'tid-til-afgoerelse'}
      title={INDICATOR_TITLES[which]}
      reading={
        m.total.days === null
          ? `For få borgere har fået ${what} til at vise et tal (${m.total.reached} af ${m.total.consents}).`
          : `Medianen var ${days(m.total.days.median)} fra samtykke til ${what}` +
            (first && last && first !== last ? ` — ${days(first.days!.median)} for samtykker i ${monthName(first.month)} og ${days(last.days!.median)} i ${monthName(last.month)}` : '') +
            `. ${num(m.total.waiting)} venter stadig.`
      }
      chart={
        <RangeChart
          title={`Dage fra samtykke til ${what}, pr. måned for samtykket`}
          description={shown.map((x) => `${monthName(x.month)}: median ${x.days!.median} dage`).join('. ') || 'Ingen måneder med nok borgere.'}
          categories={m.months.map((x, i) => monthCategory(x.month, i))}
          points={m.months.map((x) => x.days)}
          unit="dage"
        />
      }
      tableLabel={`${INDICATOR_TITLES[which]} i tal`}
      table={
        <table>
          <caption className="visually-hidden">Dage fra samtykke til {what} pr. måned for samtykket</caption>
          <thead>
            <tr>
              <th scope="col">Samtykke givet</th>
              <th scope="col" className="num">
                Samtykker
              </th>
              <th scope="col" className="num">
                Nået
              </th>
              <th scope="col" className="num">
                Venter
              </th>
              <th scope="col" className="num">
                1. kvartil
              </th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                3. kvartil
              </th>
            </tr>
          </thead>
          <tbody>
            {[...m.months, { month: 'I alt', ...m.total }].map((x) => (
              <tr key={x.month}>
                <th scope="row">{x.month === 'I alt' ? 'Hele perioden' : monthName(x.month)}</th>
                <td className="num">{x.consents}</td>
                <td className="num">{x.reached}</td>
                <td className="num">{x.waiting}</td>
                {x.days ? (
                  <>
                    <td className="num">{num(x.days.q1)}</td>
                    <td className="num">{num(x.days.median)}</td>
                    <td className="num">{num(x.days.q3)}</td>
                  </>
                ) : (
                  <td className="num" colSpan={3}>
                    {x.reached ? <TooFew /> : '–'}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
