import { useCallback, useEffect, useState } from 'react';

/** Screens reachable once unlocked. Hash routes keep the back button working in both shells. */
export type Route =
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'conference'; id: string }
  | { name: 'history'; id: string }
  | { name: 'settings' }
  // pades: check a signed file
  | { name: 'verify' }
  // accuracy review
  | { name: 'review'; id: string }
  // the manager's audit
  | { name: 'audit' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/new') return { name: 'new' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/verify') return { name: 'verify' };
  if (path === '/audit') return { name: 'audit' };
  const history = /^\/conferences\/([^/]+)\/history$/.exec(path);
  if (history?.[1] && UUID.test(history[1])) return { name: 'history', id: history[1] };
  const review = /^\/conferences\/([^/]+)\/review$/.exec(path);
  if (review?.[1] && UUID.test(review[1])) return { name: 'review', id: review[1] };
  const conference = /^\/conferences\/(.+)$/.exec(path);
  if (conference?.[1] && UUID.test(conference[1])) return { name: 'conference', id: conference[1] };
  return { name: 'list' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'list':
      return '#/';
    case 'new':
      return '#/new';
    case 'settings':
      return '#/settings';
    case 'verify':
      return '#/verify';
    case 'audit':
      return '#/audit';
    case 'conference':
      return `#/conferences/${route.id}`;
    case 'history':
      return `#/conferences/${route.id}/history`;
    case 'review':
      return `#/conferences/${route.id}/review`;
  }
}

export function routeKey(route: Route): string {
  return route.name === 'conference' || route.name === 'history' || route.name === 'review' ? `${route.name}:${route.id}` : route.name;
}

/** Only hashes that start with "#/" are routes; in-page anchors (#main-content) are not. */
function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      if (isRouteHash(window.location.hash)) setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    const href = routeHref(next);
    if (window.location.hash === href) setRoute(next);
    else window.location.hash = href;
  }, []);
  return [route, navigate];
}
