import { formatRoute, homeRoute, parseHash, type Route } from './route';

let route = $state<Route>(readLocation());
// Where Back leads: from an article to the list or search it was opened from; from a search to
// the list the search started on.
let backFromArticle: Route = homeRoute;
let backFromSearch: Route = homeRoute;

function readLocation(): Route {
  return typeof location === 'undefined' ? homeRoute : parseHash(location.hash);
}

function apply(next: Route): void {
  if (formatRoute(next) === formatRoute(route)) return; // same place: no refetch
  if (route.name !== 'article') backFromArticle = route;
  if (route.name !== 'article' && route.name !== 'search') backFromSearch = route;
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

/** Leaves an article or a search for the page the editor came from. */
export function goBack(): void {
  if (route.name === 'article') navigate(backFromArticle);
  else if (route.name === 'search') navigate(backFromSearch);
  else navigate(homeRoute);
}

/** Takes the route from the current location (at start-up, on hashchange). */
export function followLocation(): void {
  apply(readLocation());
}

/** Follows the hash (links, browser back/forward). Returns the function that stops it. */
export function startRouter(): () => void {
  window.addEventListener('hashchange', followLocation);
  followLocation();
  return () => window.removeEventListener('hashchange', followLocation);
}
