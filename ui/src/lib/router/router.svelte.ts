import { formatRoute, homeRoute, parseHash, type Route } from './route';

let route = $state<Route>(readLocation());
let back: Route = homeRoute;

function readLocation(): Route {
  return typeof location === 'undefined' ? homeRoute : parseHash(location.hash);
}

function apply(next: Route): void {
  if (formatRoute(next) === formatRoute(route)) return; // same place: no refetch
  if (route.name !== 'article') back = route;
  route = next;
}

/** The current route; reading it in a component or effect makes that reactive. */
export function currentRoute(): Route {
  return route;
}

/** Goes to `next`. `replace` rewrites the current history entry (used while typing a search). */
export function navigate(next: Route, options: { replace?: boolean } = {}): void {
  const hash = formatRoute(next);
  if (options.replace) history.replaceState(history.state, '', hash);
  else if (location.hash !== hash) location.hash = hash;
  apply(parseHash(hash));
}

/** Leaves an article (or search) for the list or search the editor came from. */
export function goBack(): void {
  navigate(route.name === 'article' ? back : homeRoute);
}

/** Follows the hash (links, browser back/forward). Returns the function that stops it. */
export function startRouter(): () => void {
  const onHashChange = () => apply(readLocation());
  window.addEventListener('hashchange', onHashChange);
  onHashChange();
  return () => window.removeEventListener('hashchange', onHashChange);
}
