import { Router, A, type RouteDefinition, type RouteSectionProps } from '@solidjs/router';
import { ErrorBoundary, Show, createSignal, lazy, onMount } from 'solid-js';
import { afterFirstScreen } from './first-screen';
import { LanguageSwitch } from './components/LanguageSwitch';
import { locale } from './i18n';
import { ErrorPage } from './pages/ErrorPage';
import { Home } from './pages/Home';
import { SurveyPage } from './pages/SurveyPage';
import type { OrganiserPages } from './organiser/OrganiserApp';

// The status bar says nothing until the sync engine (started after the first screen) reports,
// and the update prompt only shows on a later visit, once a new service worker waits: both
// load after the first screen has painted, so no request of theirs competes with it.
const StatusBar = lazy(() => import('./components/StatusBar').then((m) => ({ default: m.StatusBar })));
const UpdatePrompt = lazy(() => import('./components/UpdatePrompt').then((m) => ({ default: m.UpdatePrompt })));

// Every organiser page comes from the one organiser chunk, loaded when an organiser first
// opens /organiser; its routes are declared here because the router needs the whole tree.
const organiser = (name: keyof OrganiserPages) =>
  lazy(() => import('./organiser/OrganiserApp').then((m) => ({ default: m.organiserPages[name] })));

// The start page and the survey's notice are in the first load; every other page is its own chunk.
const routes: RouteDefinition[] = [
  { path: '/', component: Home },
  { path: '/s/:surveyId', component: SurveyPage },
  { path: '/j/:code', component: lazy(() => import('./pages/JoinPage').then((m) => ({ default: m.JoinPage }))) },
  { path: '/r/:surveyId', component: lazy(() => import('./pages/ResultsPage').then((m) => ({ default: m.ResultsPage }))) },
  { path: '/field', component: lazy(() => import('./pages/FieldPage').then((m) => ({ default: m.FieldPage }))) },
  {
    path: '/organiser',
    component: organiser('OrganiserApp'),
    children: [
      { path: '/studio', component: organiser('StudioPage') },
      { path: '/new', component: organiser('AddSurvey') },
      { path: '/results', component: organiser('ResultsPage') },
      { path: '/projector', component: organiser('ProjectorPage') },
      { path: '/manage', component: organiser('ManagePage') },
      { path: '/preview', component: organiser('PreviewPage') },
      { path: '/report', component: organiser('ReportPage') },
      { path: '/accounts', component: organiser('AccountsPage') },
      { path: '/tokens', component: organiser('TokensPage') },
      { path: '/audit', component: organiser('AuditPage') },
      { path: '*rest', component: organiser('SurveyList') },
    ],
  },
  { path: '*path', component: lazy(() => import('./pages/NotFound').then((m) => ({ default: m.NotFound }))) },
];

function skipToContent(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** The frame around every page: header with the language switch, the page, the sync status. */
function Frame(props: RouteSectionProps) {
  const [painted, setPainted] = createSignal(false);
  onMount(() => afterFirstScreen(() => setPainted(true)));
  return (
    <>
      {/* A native listener on the link itself runs before the router's document-wide one, so focus moves to the content instead of the router turning #main into a navigation. */}
      <a class="skip-link" href="#main" on:click={skipToContent}>{locale() === 'ko' ? '본문으로 건너뛰기' : 'Skip to content'}</a>
      <header class="top">
        <A href="/" class="brand" end>Stance</A>
        <LanguageSwitch />
      </header>
      <Show when={painted()}>
        <UpdatePrompt />
      </Show>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary fallback={(error) => <ErrorPage detail={String(error)} />}>{props.children}</ErrorBoundary>
      </main>
      <Show when={painted()}>
        <StatusBar />
      </Show>
    </>
  );
}

/** The app: one router for every page, respondent and organiser alike. */
export function App() {
  return <Router root={Frame}>{routes}</Router>;
}
