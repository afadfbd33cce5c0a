/** "Min plan": my contact person, my plan, and what else I can do here. */
import { seg } from '../api';
import { planPath, type Plan } from '../clients/plan';
import { Link } from '../router';
import type { HolisticCase } from '../types';
import { useOptionalResource, useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import type { CitizenContext } from './CitizenApp';
import { PENDING_PAGES } from './PendingPage';
import { Alert, Loading, ProblemAlert } from './ui';

export function HomePage({ ctx }: { ctx: CitizenContext }) {
  usePageTitle('Min plan');
  const { me } = ctx.session;
  const citizen = ctx.citizen;
  const caseId = citizen.data?.openCaseId ?? null;
  const firstName = me.name.split(' ')[0] ?? me.name;
  return (
    <>
      <h1 tabIndex={-1}>Min plan</h1>
      <p className="font-lead">Hej {firstName}. Her kan du se din kontaktperson og din plan, og hvad du ellers kan gøre.</p>
      {citizen.loading && !citizen.data && <Loading />}
      <ProblemAlert error={citizen.error} />
      {citizen.data && (
        <>
          <ContactSection caseId={caseId} />
          <PlanSection caseId={caseId} />
        </>
      )}
      <section aria-labelledby="det-kan-du">
        <h2 id="det-kan-du">Det kan du her</h2>
        <ul className="nav-list">
          <li>
            <Link href="/borger/samtykker">Mine samtykker</Link>
            <span className="helptext">Se, giv eller træk dine samtykker tilbage.</span>
          </li>
          <li>
            <Link href="/borger/hvem-har-set">Hvem har set mine oplysninger</Link>
            <span className="helptext">Se hvem i kommunen der har set dine oplysninger, hvornår og hvorfor.</span>
          </li>
          {PENDING_PAGES.map((p) => (
            <li key={p.href}>
              <Link href={p.href}>{p.title}</Link>
              <span className="helptext">{p.help}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The citizen's one entry to the municipality: the coordinating caseworker. */
function ContactSection({ caseId }: { caseId: string | null }) {
  const kase = useResource<HolisticCase>(caseId ? `/api/cases/${seg(caseId)}` : null);
  const c = kase.data;
  const first = c?.coordinator?.name.split(' ')[0];
  return (
    <section aria-labelledby="kontaktperson" className="citizen-card">
      <h2 id="kontaktperson">Din kontaktperson</h2>
      {caseId === null && <p>Du har ikke et forløb i kommunen lige nu. Kontakt kommunen, hvis du har brug for hjælp.</p>}
      {kase.loading && !c && <Loading />}
      <ProblemAlert error={kase.error} />
      {c &&
        (c.coordinator ? (
          <>
            <p className="contact-name">
              <strong>{c.coordinator.name}</strong>
            </p>
            <p>{c.coordinator.title}</p>
            <p>
              Skriv til: <a href={`mailto:${c.coordinator.email}`}>{c.coordinator.email}</a>
            </p>
            <p>
              {first} er din faste kontaktperson og holder sammen på din plan og din hjælp fra kommunen.
              {c.coordinatingTeam && ` Er ${first} væk, kan du få hjælp fra ${c.coordinatingTeam.name}.`}
            </p>
          </>
        ) : (
          <p>
            Du har ikke fået en fast kontaktperson endnu.
            {c.coordinatingTeam && ` Indtil da kan du få hjælp fra ${c.coordinatingTeam.name}.`}
          </p>
        ))}
    </section>
  );
}

/** My plan in plain Danish: the overall goal in my own words, the sub-goals and how far I have come. */
function PlanSection({ caseId }: { caseId: string | null }) {
  const plan = useOptionalResource<Plan>(caseId ? planPath(caseId) : null);
  const p = plan.data;
  return (
    <section aria-labelledby="min-plan" className="citizen-card">
      <h2 id="min-plan">Din plan</h2>
      {plan.loading && !p && <Loading />}
      <ProblemAlert error={plan.error} />
      {(caseId === null || plan.unavailable) && (
        <Alert variant="info">
          <p>Din plan er ikke klar til at blive vist her endnu. Du og din kontaktperson laver planen sammen. Spørg din kontaktperson, hvis du vil vide mere.</p>
        </Alert>
      )}
      {p && (
        <>
          <p className="font-lead">Dit mål: »{p.overallGoal.citizenWords}«</p>
          <h3>Det arbejder du hen imod</h3>
          <ul className="nav-list plan-goals">
            {[...p.subGoals]
              .sort((a, b) => a.priority - b.priority)
              .map((g) => (
                <li key={g.id}>
                  <strong>{g.citizenWords ?? g.title}</strong>
                  <span className="helptext">
                    {g.progress.progression !== null ? `Du er nået til ${g.progress.progression} ud af 10. ` : ''}
                    {g.interventions.length > 0 ? `Hjælp: ${g.interventions.map((i) => i.title).join(', ')}.` : ''}
                  </span>
                </li>
              ))}
          </ul>
          <h3>Sådan står der i din plan</h3>
          {p.plainDanish.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </>
      )}
    </section>
  );
}
