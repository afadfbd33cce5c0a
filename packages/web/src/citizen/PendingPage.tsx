/**
 * Citizen pages whose APIs are being built on other branches (calendar,
 * decisions, complaint, messages, the survey). Each asks its endpoint and,
 * while that answers 404, says plainly that the service is not available here
 * yet and how to get help instead. Wire each page's content when its API lands.
 */
import type { ReactNode } from 'react';
import { calendarPath, type Calendar } from '../clients/calendar';
import { complaintsPath, type Complaints } from '../clients/complaints';
import { decisionsPath, type Decisions } from '../clients/decisions';
import { messagesPath, type Messages } from '../clients/messages';
import { surveyPath, type Survey } from '../clients/survey';
import { InstantText } from '../components/DateText';
import { useOptionalResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import type { CitizenContext } from './CitizenApp';
import { Alert, BackLink, Loading, ProblemAlert } from './ui';

export type PendingPageSpec = {
  href: string;
  title: string;
  help: string;
  /** the endpoint, from the citizen's open case (null: no case) */
  path: (caseId: string | null) => string | null;
  unavailable: string;
  render: (data: unknown) => ReactNode;
};

const count = (items: unknown[] | undefined, one: string, many: string) => `${items?.length ?? 0} ${(items?.length ?? 0) === 1 ? one : many}`;
const withCase = (build: (caseId: string) => string) => (caseId: string | null) => (caseId ? build(caseId) : null);

export const PENDING_PAGES: PendingPageSpec[] = [
  {
    href: '/borger/kalender',
    title: 'Min kalender',
    help: 'Dine aftaler med kommunen og andre samlet ét sted.',
    path: withCase(calendarPath),
    unavailable: 'Din kalender kan ikke vises her endnu. Din kontaktperson kan fortælle dig om dine aftaler.',
    render: (d) => <p>{count((d as Calendar).items, 'aftale', 'aftaler')}</p>,
  },
  {
    href: '/borger/afgoerelser',
    title: 'Mine afgørelser',
    help: 'Læs de afgørelser, kommunen har truffet om din hjælp.',
    path: withCase(decisionsPath),
    unavailable: 'Dine afgørelser kan ikke vises her endnu. Du får dem også i Digital Post.',
    render: (d) => (
      <ul className="nav-list">
        {((d as Decisions).items ?? []).map((x) => (
          <li key={x.id}>
            {x.pdfUrl ? <a href={x.pdfUrl}>{x.title ?? 'Afgørelse'} (PDF)</a> : (x.title ?? 'Afgørelse')}
            {x.issuedAt && (
              <span className="helptext">
                <InstantText at={x.issuedAt} />
              </span>
            )}
          </li>
        ))}
      </ul>
    ),
  },
  {
    href: '/borger/klage',
    title: 'Klag over en afgørelse',
    help: 'Klag over hele afgørelsen eller en del af den.',
    path: withCase(complaintsPath),
    unavailable:
      'Du kan ikke klage her endnu. Du kan klage ved at skrive eller ringe til din kontaktperson. Du har 4 uger fra du fik afgørelsen.',
    render: (d) => <p>{count((d as Complaints).items, 'klage', 'klager')}</p>,
  },
  {
    href: '/borger/beskeder',
    title: 'Skriv til din kontaktperson',
    help: 'Send en besked og læs svar fra din kontaktperson.',
    path: withCase(messagesPath),
    unavailable: 'Du kan ikke skrive her endnu. Brug e-mailadressen på forsiden af Min plan.',
    render: (d) => <p>{count((d as Messages).items, 'besked', 'beskeder')}</p>,
  },
  {
    href: '/borger/spoergeskema',
    title: 'Oplever du et sammenhængende forløb?',
    help: 'Svar på et kort spørgsmål om, hvordan du oplever hjælpen fra kommunen.',
    path: () => surveyPath,
    unavailable: 'Spørgeskemaet er ikke åbent endnu.',
    render: (d) => <p>{(d as Survey).answered ? 'Tak, du har svaret.' : 'Du har ikke svaret endnu.'}</p>,
  },
];

export function PendingPage({ page, ctx }: { page: PendingPageSpec; ctx: CitizenContext }) {
  usePageTitle(page.title);
  const caseId = ctx.citizen.data?.openCaseId ?? null;
  const ready = ctx.citizen.data !== null || page.path(null) !== null;
  const r = useOptionalResource<unknown>(ready ? page.path(caseId) : null);
  return (
    <>
      <BackLink />
      <h1 tabIndex={-1}>{page.title}</h1>
      {(r.loading || ctx.citizen.loading) && !r.data && <Loading />}
      <ProblemAlert error={r.error ?? ctx.citizen.error} />
      {(r.unavailable || (ctx.citizen.data && page.path(caseId) === null)) && (
        <Alert variant="info">
          <p>{page.unavailable}</p>
        </Alert>
      )}
      {r.data !== null && page.render(r.data)}
    </>
  );
}
