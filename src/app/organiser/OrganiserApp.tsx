import { Show, onCleanup, type JSX } from 'solid-js';
import type { Role } from '../../core/accounts';
import { locale } from '../i18n';
import { Link, Routes, currentUrl, type RouteDef } from '../router';
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
import { orgHref } from './paths';
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

/** A page only `role` and above may use; below it, a note instead (the server refuses its calls anyway). */
const gated = (role: Role, page: () => JSX.Element) => () => <RoleGate role={role}>{page()}</RoleGate>;

const routes: RouteDef[] = [
  { path: '/organiser/new', page: gated('editor', AddSurvey) },
  { path: '/organiser/results', page: ResultsPage },
  { path: '/organiser/projector', page: ProjectorPage },
  { path: '/organiser/manage', page: gated('editor', ManagePage) },
  { path: '/organiser/preview', page: PreviewPage },
  { path: '/organiser/accounts', page: AccountsPage },
  { path: '/organiser/tokens', page: TokensPage },
  { path: '/organiser/audit', page: AuditPage },
  { path: '*', page: SurveyList },
];

/** The links of the organiser's navigation that this account may use. */
function Nav() {
  const signOut = async () => {
    await api.logout().catch(() => undefined);
    session.signedOut();
  };
  return (
    <nav class="org-nav" aria-label={ot('organiser')}>
      <Link href={orgHref('surveys')}>{ot('surveys')}</Link>
      <Show when={session.can('editor')}>
        <Link href={orgHref('new')}>{ot('addSurvey')}</Link>
      </Show>
      <Show when={session.can('owner')}>
        <Link href={orgHref('accounts')}>{at('accounts')}</Link>
        <Link href={orgHref('audit')}>{at('audit')}</Link>
      </Show>
      <Link href={orgHref('tokens')}>{at('myTokens')}</Link>
      <span class="org-note org-who">{at('signedInAs').replace('{n}', session.account()?.username ?? '')}</span>
      <button type="button" class="secondary small" onClick={() => void signOut()}>
        {ot('signOut')}
      </button>
    </nav>
  );
}

/**
 * The organiser's pages, loaded only when an organiser opens /organiser: sign-in first, then
 * the routes. The session cookie is checked with the server on every load (a new tab, a
 * reload), while the account remembered on this browser lets the pages open at once.
 */
export function OrganiserApp() {
  installStyles();
  const title = document.title;
  document.title = 'Stance · Organiser';
  onCleanup(() => (document.title = title));
  void api.me().then(({ account }) => session.signedIn(account), () => undefined);
  const settingPassword = () => currentUrl().path === '/organiser/set-password';
  return (
    <div class="organiser" lang={locale()}>
      <Show when={!settingPassword()} fallback={<SetPasswordPage />}>
        <Show when={session.account()} fallback={<SignIn />}>
          <Nav />
          <Routes routes={routes} />
        </Show>
      </Show>
    </div>
  );
}
