import { useCallback, useEffect, useMemo, useState } from 'react';
import { HubApi } from './api';
import { TOKEN_KEY, isExpired, readClaims } from './auth';
import { Session, SessionContext, isAuditor } from './context';
import { formatters } from './format';
import { CasesPage } from './pages/CasesPage';
import { CustomerActivityPage } from './pages/CustomerActivityPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { SignInPage } from './pages/SignInPage';

const PAGES = [
  { route: '#/activity', label: 'Customer Activity' },
  { route: '#/cases', label: 'Cases' },
  { route: '#/notifications', label: 'Notifications' },
] as const;

function useRoute(): string {
  const [route, setRoute] = useState(window.location.hash || '#/activity');
  useEffect(() => {
    const onChange = () => setRoute(window.location.hash || '#/activity');
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/**
 * `initialToken`: the one main.tsx took from the fragment, the session or the OpenID
 * provider; `initialNotice`: why a provider sign-in failed.
 */
export function App(props: { initialToken: string | null; initialNotice?: string }) {
  const [token, setToken] = useState<string | null>(props.initialToken);
  const [notice, setNotice] = useState<string | null>(props.initialNotice ?? null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [asOfInput, setAsOfInput] = useState('');
  const route = useRoute();
  const claims = useMemo(() => (token ? readClaims(token) : null), [token]);
  const format = useMemo(() => formatters(navigator.language || 'en'), []);
  const signOut = useCallback((reason?: string) => {
    window.sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setNotice(reason ?? null);
  }, []);
  const signIn = (pasted: string) => {
    window.sessionStorage.setItem(TOKEN_KEY, pasted);
    setNotice(null);
    setToken(pasted);
  };
  const session: Session | null = useMemo(
    () => (token && claims ? { api: new HubApi(token), claims, format, asOf, signOut } : null),
    [token, claims, format, asOf, signOut],
  );

  if (!session || !claims || isExpired(claims, new Date())) {
    const reason =
      notice ??
      (token && !claims ? 'That is not a token the hub issues.' : null) ??
      (claims ? 'Your sign-in has expired.' : null);
    return <SignInPage notice={reason} onSignIn={signIn} />;
  }
  const page = PAGES.find((p) => route.startsWith(p.route)) ?? PAGES[0];
  return (
    <SessionContext.Provider value={session}>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="top">
        <p className="brand">Support services hub</p>
        <nav aria-label="Pages">
          <ul>
            {PAGES.map((p) => (
              <li key={p.route}>
                <a href={p.route} aria-current={p === page ? 'page' : undefined}>
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{claims.name ?? claims.email ?? claims.sub}</span>
          {isAuditor(claims) && (
            <div className="as-of">
              <label htmlFor="as-of">As of</label>
              <input
                id="as-of"
                type="datetime-local"
                step={1}
                value={asOfInput}
                onChange={(e) => {
                  setAsOfInput(e.target.value);
                  const at = e.target.value ? new Date(e.target.value) : null;
                  setAsOf(at && !Number.isNaN(at.getTime()) ? at.toISOString() : null);
                }}
              />
            </div>
          )}
          <button type="button" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {asOf && (
          <p className="banner" role="status">
            Showing the record as it stood on {format.instant(asOf)}.
          </p>
        )}
        {page.route === '#/activity' && <CustomerActivityPage />}
        {page.route === '#/cases' && <CasesPage />}
        {page.route === '#/notifications' && <NotificationsPage />}
      </main>
    </SessionContext.Provider>
  );
}
