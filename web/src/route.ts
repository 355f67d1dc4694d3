// Hash routes: "#/track/CD-2026-000123" → { area: 'portal', page: 'track', param: '…' };
// "#/staff/case/CD-…" → { area: 'staff', page: 'case', param: '…' }. The hash keeps every page on
// one index.html, and a reference or a secret never reaches the server's access log.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  area: 'portal' | 'staff';
  page: string;
  param?: string;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'staff') return { area: 'staff', page: parts[1] ?? 'queue', param: parts[2] };
  return { area: 'portal', page: parts[0] ?? 'submit', param: parts[1] };
}

export function href(...parts: string[]): string {
  return '#/' + parts.map(encodeURIComponent).join('/');
}

export function navigate(...parts: string[]) {
  window.location.hash = href(...parts);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const changed = () => {
      setRoute(parseRoute(window.location.hash));
      // A new page: move focus to its heading so screen readers announce it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    };
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}
