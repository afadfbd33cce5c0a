/**
 * "Indikatorer" for leaders and administrators (SPEC C11): the reform's
 * indicators for a period as charts with a reading and the numbers, the
 * figures as CSV, and the pseudonymised export for the national evaluation.
 * Its own chunk, loaded when opened (the workspace's first load stays small).
 */
import { isYearMonth } from '@helhed/core';
import { useState } from 'react';
import { evaluationExportPath, indicatorsPath, indicatorTablesPath, type Indicators } from '../../clients/indicators';
import { Section } from '../../components/Section';
import { ErrorAlert, Loading } from '../../components/Status';
import { formatDate, todayInDenmark } from '../../format';
import { navigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useResource } from '../../useResource';
import { ConsentSection, ContactsSection, MilestoneSection, PhaseInSection } from './CourseSections';
import { monthName } from './format';
import { PeriodPicker, presets, type Period } from './PeriodPicker';
import { ComplaintsSection, EmploymentSection, NotStartedSection, SurveySection } from './ResultSections';

/** The period in the address (?fra=2026-01&til=2026-12), else the last twelve months. */
function periodFromAddress(currentMonth: string): Period {
  const q = new URLSearchParams(window.location.search);
  const from = q.get('fra');
  const to = q.get('til');
  if (isYearMonth(from) && isYearMonth(to)) return { from, to };
  return presets(currentMonth)[0]!.period;
}

export default function IndicatorsPage() {
  usePageTitle('Indikatorer');
  const currentMonth = todayInDenmark().slice(0, 7);
  const [period, setPeriod] = useState<Period>(() => periodFromAddress(currentMonth));
  const indicators = useResource<Indicators>(indicatorsPath(period));
  const d = indicators.data;

  function change(p: Period) {
    setPeriod(p);
    navigate(`/indikatorer?fra=${p.from}&til=${p.to}`, { replace: true });
  }

  return (
    <>
      <h1 tabIndex={-1}>Indikatorer</h1>
      <p className="lead">Reformens indikatorer for hele kommunen: tal og grafer uden navne. Vælg perioden, og hent tallene eller udtrækket til den nationale evaluering.</p>
      <div className="indicator-tools">
        <PeriodPicker period={period} currentMonth={currentMonth} onChange={change} />
        <ul className="button-row downloads">
          <li>
            <a className="button button-secondary" href={indicatorTablesPath(period)} download>
              Hent tallene (CSV)
            </a>
          </li>
          <li>
            <a className="button button-secondary" href={evaluationExportPath} download aria-describedby="export-note">
              Hent pseudonymiseret udtræk (CSV)
            </a>
          </li>
        </ul>
      </div>
      <p id="export-note" className="hint">
        Udtrækket til den nationale evaluering har én linje pr. borger i målgruppen med et fast pseudonym i stedet for CPR-nummer og navn, uanset den valgte periode.
        Det er stadig personoplysninger: opbevar og send det sikkert. Hver hentning logges.
      </p>
      {indicators.loading && !d && <Loading what="Henter indikatorerne" />}
      <ErrorAlert error={indicators.error} />
      {d && (
        <>
          <p className="period-shown" role="status">
            Viser {monthName(d.period.from)} til {monthName(d.period.to)}. Opgjort {formatDate(d.today)}.
          </p>
          <nav aria-label="Indikatorer på siden" className="toc">
            <ul>
              {TOC.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <PhaseInSection d={d} />
          <ConsentSection d={d} />
          <ContactsSection d={d} />
          <MilestoneSection d={d} which="timeToPlan" />
          <MilestoneSection d={d} which="timeToDecision" />
          <NotStartedSection d={d} />
          <ComplaintsSection d={d} />
          <EmploymentSection d={d} />
          <SurveySection d={d} />
          <Section title="Om tallene">
            <p>
              Tallene bygger på det, der er registreret i Helhed og modtaget fra fagsystemerne. Medianer, kvartiler og andele vises kun, når de bygger på mindst{' '}
              {d.smallNumber} borgere; ellers står der »for få«. Antal vises præcist her, fordi siden kun er for kommunens ledere og administratorer. I filerne, der kan sendes ud af
              kommunen, står antal fra 1 til 4 som »under 5«.
            </p>
          </Section>
        </>
      )}
    </>
  );
}

const TOC = [
  ['indfasning', 'Indfasning'],
  ['samtykke', 'Samtykke'],
  ['kontaktpersoner', 'Kontaktpersoner'],
  ['tid-til-plan', 'Tid til plan'],
  ['tid-til-afgoerelse', 'Tid til afgørelse'],
  ['ikke-startet', 'Indsatser ikke startet'],
  ['klager', 'Klager'],
  ['beskaeftigelse', 'Beskæftigelse'],
  ['sammenhaengende-forloeb', 'Sammenhængende forløb'],
] as const;
