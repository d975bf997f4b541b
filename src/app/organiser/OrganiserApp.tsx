import { A, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Show, lazy, onCleanup, type JSX } from 'solid-js';
import type { Role } from '../../core/accounts';
import { locale } from '../i18n';
import { AccountsPage } from './accounts/AccountsPage';
import { AuditPage } from './accounts/AuditPage';
import { RoleGate } from './accounts/RoleGate';
import { SetPasswordPage } from './accounts/SetPassword';
import { at } from './accounts/strings';
import { TokensPage } from './accounts/TokensPage';
import { ManagePage } from './manage/ManagePage';
import css from './organiser.css?inline';
import { AddSurvey } from './pages/AddSurvey';
import { PreviewPage } from './pages/Preview';
import { ProjectorPage } from './pages/Projector';
import { SignIn } from './pages/SignIn';
import { SurveyList } from './pages/SurveyList';
import { bindOrganiserLocation, orgHref } from './paths';
import { ReportPage } from './report/ReportPage';
import { ResultsPage } from './results/ResultsPage';
import { api, session } from './state';
import { ot } from './strings';

// The styles travel inside this chunk as text: a CSS file of its own would get a generic
// asset name and join every respondent's precache.
function installStyles(): void {
  if (document.getElementById('organiser-styles')) return;
  const style = Object.assign(document.createElement('style'), { id: 'organiser-styles', textContent: css });
  document.head.append(style);
}

// The studio brings the editor, its checks and the respondent's question components: a chunk
// of its own, fetched only when the studio opens, not with the organiser's other pages.
const StudioPage = lazy(() => import('./studio/StudioPage').then((m) => ({ default: m.StudioPage })));

/** A page only `role` and above may use; below it, a note instead (the server refuses its calls anyway). */
const gated = (role: Role, page: () => JSX.Element) => () => <RoleGate role={role}>{page()}</RoleGate>;

/** The links of the organiser's navigation that this account may use. */
function Nav() {
  const signOut = async () => {
    await api.logout().catch(() => undefined);
    session.signedOut();
  };
  return (
    <nav class="org-nav" aria-label={ot('organiser')}>
      <A href={orgHref('surveys')} end>
        {ot('surveys')}
      </A>
      <Show when={session.can('editor')}>
        <A href={orgHref('studio')} end>
          {ot('studio')}
        </A>
        <A href={orgHref('new')} end>
          {ot('addSurvey')}
        </A>
      </Show>
      <Show when={session.can('owner')}>
        <A href={orgHref('accounts')} end>
          {at('accounts')}
        </A>
        <A href={orgHref('audit')} end>
          {at('audit')}
        </A>
      </Show>
      <A href={orgHref('tokens')} end>
        {at('myTokens')}
      </A>
      <span class="org-note org-who">{at('signedInAs').replace('{n}', session.account()?.username ?? '')}</span>
      <button type="button" class="secondary small" onClick={() => void signOut()}>
        {ot('signOut')}
      </button>
    </nav>
  );
}

/**
 * The organiser's frame, loaded only when an organiser opens /organiser: sign-in first, then
 * the page routed inside it. The session cookie is checked with the server on every load (a
 * new tab, a reload), while the account remembered on this browser lets the pages open at once.
 */
export function OrganiserApp(props: RouteSectionProps) {
  installStyles();
  bindOrganiserLocation();
  const title = document.title;
  document.title = 'Stance · Organiser';
  onCleanup(() => (document.title = title));
  void api.me().then(({ account }) => session.signedIn(account), () => undefined);
  const location = useLocation();
  // A set-password link is opened signed out (or as someone else): it is its own page, outside the sign-in.
  const settingPassword = () => location.pathname === '/organiser/set-password';
  return (
    <div class="organiser" lang={locale()}>
      <Show when={!settingPassword()} fallback={<SetPasswordPage />}>
        <Show when={session.account()} fallback={<SignIn />}>
          <Nav />
          {props.children}
        </Show>
      </Show>
    </div>
  );
}

/** Every organiser page by name, for the app's route table; all travel in this one chunk but the studio, lazy in its own. */
export const organiserPages = {
  OrganiserApp,
  AddSurvey: gated('editor', AddSurvey),
  ResultsPage,
  ProjectorPage,
  ManagePage: gated('editor', ManagePage),
  PreviewPage,
  ReportPage,
  SurveyList,
  AccountsPage,
  TokensPage,
  AuditPage,
  StudioPage: gated('editor', StudioPage),
};

/** The organiser pages' names. */
export type OrganiserPages = typeof organiserPages;
