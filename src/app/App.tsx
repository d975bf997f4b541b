import { ErrorBoundary, lazy } from 'solid-js';
import { LanguageSwitch } from './components/LanguageSwitch';
import { StatusBar } from './components/StatusBar';
import { UpdatePrompt } from './components/UpdatePrompt';
import { locale, t } from './i18n';
import { ErrorPage } from './pages/ErrorPage';
import { Link, Routes, type RouteDef } from './router';
import { Home } from './pages/Home';
import { SurveyPage } from './pages/SurveyPage';

// The start page and the survey's notice are in the first load; every other page is its own chunk.
const routes: RouteDef[] = [
  { path: '/', page: Home },
  { path: '/s/:surveyId', page: SurveyPage },
  { path: '/r/:surveyId', page: lazy(() => import('./pages/ResultsPage').then((m) => ({ default: m.ResultsPage }))) },
  { path: '/field', page: lazy(() => import('./pages/FieldPage').then((m) => ({ default: m.FieldPage }))) },
  { path: '/organiser/*', page: lazy(() => import('./organiser/OrganiserApp').then((m) => ({ default: m.OrganiserApp }))) },
  { path: '*', page: () => <ErrorPage title={t('notFound')} detail={location.pathname} /> },
];

/** The app's frame: header with the language switch, the routed page, the sync status. */
export function App() {
  return (
    <>
      <a class="skip-link" href="#main">{locale() === 'ko' ? '본문으로 건너뛰기' : 'Skip to content'}</a>
      <header class="top">
        <Link href="/" class="brand">Stance</Link>
        <LanguageSwitch />
      </header>
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary fallback={(error) => <ErrorPage detail={String(error)} />}>
          <Routes routes={routes} />
        </ErrorBoundary>
      </main>
      <StatusBar />
    </>
  );
}
