import { createMemo, createSignal, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { matchPath } from './route-match';

// A small history router: the respondent's first load has a 30 KB budget, and these few
// lines do what the app needs (paths with :params, a query, links, back and forward).

const [url, setUrl] = createSignal({ path: location.pathname, search: location.search });

window.addEventListener('popstate', () => setUrl({ path: location.pathname, search: location.search }));

/** The current path and query string. */
export const currentUrl = url;

/** Goes to an in-app address without reloading. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const target = new URL(href, location.href);
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  setUrl({ path: target.pathname, search: target.search });
  window.scrollTo({ top: 0 });
}

/** A link that navigates in-app on a plain click and behaves like any link otherwise. */
export function Link(props: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}

/** One route: a path pattern and the page it shows, which receives the params. */
export type RouteDef = { path: string; page: (props: { params: Record<string, string> }) => JSX.Element };

/** Shows the first route whose pattern matches the current path. */
export function Routes(props: { routes: RouteDef[] }) {
  const matched = createMemo(() => {
    for (const route of props.routes) {
      const params = matchPath(route.path, url().path);
      if (params) return { route, params };
    }
    return undefined;
  });
  return <>{matched() && <Dynamic component={matched()!.route.page} params={matched()!.params} />}</>;
}
