import { Show, onCleanup } from 'solid-js';
import { locale } from '../i18n';
import { Link, Routes, type RouteDef } from '../router';
import { ManagePage } from './manage/ManagePage';
import css from './organiser.css?inline';
import { AddSurvey } from './pages/AddSurvey';
import { PreviewPage } from './pages/Preview';
import { ProjectorPage } from './pages/Projector';
import { SignIn } from './pages/SignIn';
import { SurveyList } from './pages/SurveyList';
import { orgHref } from './paths';
import { ReportPage } from './report/ReportPage';
import { ResultsPage } from './results/ResultsPage';
import { session } from './state';
import { ot } from './strings';

// The styles travel inside this chunk as text: a CSS file of its own would get a generic
// asset name and join every respondent's precache.
function installStyles(): void {
  if (document.getElementById('organiser-styles')) return;
  const style = Object.assign(document.createElement('style'), { id: 'organiser-styles', textContent: css });
  document.head.append(style);
}

const routes: RouteDef[] = [
  { path: '/organiser/new', page: AddSurvey },
  { path: '/organiser/results', page: ResultsPage },
  { path: '/organiser/projector', page: ProjectorPage },
  { path: '/organiser/manage', page: ManagePage },
  { path: '/organiser/preview', page: PreviewPage },
  { path: '/organiser/report', page: ReportPage },
  { path: '*', page: SurveyList },
];

/** The organiser's pages, loaded only when an organiser opens /organiser: sign-in first, then the routes. */
export function OrganiserApp() {
  installStyles();
  const title = document.title;
  document.title = 'Stance · Organiser';
  onCleanup(() => (document.title = title));
  return (
    <div class="organiser" lang={locale()}>
      <Show when={session.token()} fallback={<SignIn />}>
        <nav class="org-nav" aria-label={ot('organiser')}>
          <Link href={orgHref('surveys')}>{ot('surveys')}</Link>
          <Link href={orgHref('new')}>{ot('addSurvey')}</Link>
          <button type="button" class="secondary small" onClick={() => session.signOut()}>
            {ot('signOut')}
          </button>
        </nav>
        <Routes routes={routes} />
      </Show>
    </div>
  );
}
