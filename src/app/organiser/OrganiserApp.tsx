import { A, type RouteSectionProps } from '@solidjs/router';
import { Show, onCleanup } from 'solid-js';
import { locale } from '../i18n';
import { ManagePage } from './manage/ManagePage';
import css from './organiser.css?inline';
import { AddSurvey } from './pages/AddSurvey';
import { PreviewPage } from './pages/Preview';
import { ProjectorPage } from './pages/Projector';
import { SignIn } from './pages/SignIn';
import { SurveyList } from './pages/SurveyList';
import { bindOrganiserLocation, orgHref } from './paths';
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

/** The organiser's frame, loaded only when an organiser opens /organiser: sign-in first, then the page routed inside it. */
export function OrganiserApp(props: RouteSectionProps) {
  installStyles();
  bindOrganiserLocation();
  const title = document.title;
  document.title = 'Stance · Organiser';
  onCleanup(() => (document.title = title));
  return (
    <div class="organiser" lang={locale()}>
      <Show when={session.token()} fallback={<SignIn />}>
        <nav class="org-nav" aria-label={ot('organiser')}>
          <A href={orgHref('surveys')} end>{ot('surveys')}</A>
          <A href={orgHref('new')} end>{ot('addSurvey')}</A>
          <button type="button" class="secondary small" onClick={() => session.signOut()}>
            {ot('signOut')}
          </button>
        </nav>
        {props.children}
      </Show>
    </div>
  );
}

/** Every organiser page by name, for the app's route table; all of them travel in this one chunk. */
export const organiserPages = { OrganiserApp, AddSurvey, ResultsPage, ProjectorPage, ManagePage, PreviewPage, SurveyList };

/** The organiser pages' names. */
export type OrganiserPages = typeof organiserPages;
