/** The caseworker's workspace (its own chunk): navigation by role, and the pages. */
import '../styles.css';
import { lazy, Suspense } from 'react';
import type { Session } from '../App';
import { Layout, type NavItem } from '../components/Layout';
import { Loading } from '../components/Status';
import { CandidatePage } from '../pages/CandidatePage';
import { ForumPage } from '../pages/ForumPage';
import { ImportPage } from '../pages/ImportPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OverviewPage } from '../pages/OverviewPage';
import { PhaseInPage } from '../pages/PhaseInPage';
import { QueuePage } from '../pages/QueuePage';
import { ScreeningPage } from '../pages/ScreeningPage';
import { SearchPage } from '../pages/SearchPage';
import { TasksPage } from '../pages/TasksPage';
import { match } from '../router';
import type { Me } from '../types';
import { useFocusOnNavigate } from '../useFocusOnNavigate';
import { useScrollToHash } from '../useScrollToHash';

// Complaint handling is a few times a month: its own chunk keeps the first load small.
const ComplaintPage = lazy(() => import('../pages/ComplaintPage').then((m) => ({ default: m.ComplaintPage })));

// The case and its editors are chunks of their own: the first load of the workspace stays within its budget (decisions.md).
const CasePage = lazy(() => import('../pages/CasePage').then((m) => ({ default: m.CasePage })));
const AssessmentPage = lazy(() => import('../pages/AssessmentPage').then((m) => ({ default: m.AssessmentPage })));
const PlanPage = lazy(() => import('../pages/PlanPage').then((m) => ({ default: m.PlanPage })));

// Charts for leaders: their own chunk, fetched when the page is opened.
const IndicatorsPage = lazy(() => import('../pages/indicators/IndicatorsPage'));

// The organisation's settings: a few visits a year, so their own chunk.
const OrganisationPage = lazy(() => import('../pages/OrganisationPage'));

type Page = { href: string; label: string; roles: string[] | 'all' };

const CASEWORK = ['coordinating_caseworker', 'specialist'];

/** The menu: each person sees the pages their roles can use. */
export const PAGES: Page[] = [
  { href: '/', label: 'Overblik', roles: 'all' },
  { href: '/opgaver', label: 'Opgaver', roles: CASEWORK },
  { href: '/soeg', label: 'Find borger', roles: CASEWORK },
  { href: '/maalgruppe', label: 'Målgruppe', roles: ['coordinating_caseworker'] },
  { href: '/indfasning', label: 'Indfasning', roles: ['coordinating_caseworker', 'leader', 'administrator'] },
  { href: '/indikatorer', label: 'Indikatorer', roles: ['leader', 'administrator'] },
  { href: '/screening', label: 'Screening', roles: ['leader', 'administrator'] },
  { href: '/import', label: 'Import', roles: ['administrator'] },
  { href: '/organisation', label: 'Organisation', roles: ['administrator', 'leader'] },
  { href: '/visitationsforum', label: 'Visitationsforum', roles: ['visitation_forum'] },
];

export function navFor(roles: string[], path: string): NavItem[] {
  return PAGES.filter((p) => p.roles === 'all' || p.roles.some((r) => roles.includes(r))).map((p) => ({
    href: p.href,
    label: p.label,
    current: p.href === '/' ? path === '/' : path === p.href || path.startsWith(`${p.href}/`),
  }));
}

export default function WorkspaceApp({ session, path, notice }: { session: Session; path: string; notice: string | null }) {
  useFocusOnNavigate(path);
  useScrollToHash(path);
  return (
    <Layout session={session} nav={navFor(session.me.roles, path)}>
      {notice && (
        <div className="alert alert-info" role="status">
          <p>{notice}</p>
        </div>
      )}
      {/* the lazily loaded pages (case, editors, complaint, indicators) */}
      <Suspense fallback={<Loading what="Henter siden" />}>
        <Routes path={path} me={session.me} />
      </Suspense>
    </Layout>
  );
}

function Routes({ path, me }: { path: string; me: Me }) {
  if (path === '/') return <OverviewPage roles={me.roles} />;
  if (path === '/opgaver') return <TasksPage />;
  if (path === '/soeg') return <SearchPage />;
  if (path === '/maalgruppe') return <QueuePage />;
  if (path === '/indfasning') return <PhaseInPage />;
  if (path === '/indikatorer') return <IndicatorsPage />;
  if (path === '/screening') return <ScreeningPage />;
  if (path === '/import') return <ImportPage />;
  if (path === '/organisation') return <OrganisationPage roles={me.roles} />;
  if (path === '/visitationsforum') return <ForumPage />;
  const candidate = match('/maalgruppe/:citizenId', path);
  if (candidate) return <CandidatePage citizenId={candidate.citizenId!} me={me} />;
  const kase = match('/sager/:caseId', path);
  if (kase) return <CasePage caseId={kase.caseId!} />;
  const assessment = match('/sager/:caseId/udredning', path);
  if (assessment) return <AssessmentPage caseId={assessment.caseId!} />;
  const plan = match('/sager/:caseId/plan', path);
  if (plan) return <PlanPage caseId={plan.caseId!} />;
  const complaint = match('/klager/:complaintId', path);
  if (complaint) return <ComplaintPage complaintId={complaint.complaintId!} />;
  return <NotFoundPage />;
}
