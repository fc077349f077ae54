import { createRoot } from 'react-dom/client';
import { HubApi } from './api';
import { App } from './App';
import { adoptToken } from './auth';
import { callbackOf, completeSignIn, signInConfig } from './openid';
import { Workspace } from './types';
import { defaultWorkspace } from './workspaces';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const callback = callbackOf(window.location.search);
/** Drops the provider's answer (`?code=&state=`) from the address, keeping the page route. */
const clean = (route: string) =>
  window.history.replaceState(null, '', `${window.location.pathname}${route}`);

if (callback) {
  // Back from the OpenID provider: trade the code for a token, then show the page asked for.
  const signedIn =
    'error' in callback
      ? Promise.reject(new Error(`The sign-in provider answered: ${callback.error}`))
      : signInConfig().then((config) => {
          if (!config) throw new Error('This hub does not offer sign-in through a provider.');
          return completeSignIn(config, callback, window.sessionStorage);
        });
  signedIn.then(
    ({ token, route }) => {
      clean(route);
      root.render(<App initialToken={token} />);
    },
    (error: Error) => {
      clean('#/activity');
      root.render(<App initialToken={null} initialNotice={error.message} />);
    },
  );
} else {
  const token = adoptToken(window.location, window.sessionStorage, (url) =>
    window.history.replaceState(null, '', url),
  );
  // Customer Activity, the page most visits open on, first needs the caller's workspaces, then
  // the summary of the one it shows first: both asked before React has rendered anything.
  if (token && (window.location.hash || '#/activity').startsWith('#/activity')) {
    const api = new HubApi(token);
    void api.prefetch<{ workspaces: Workspace[] }>('/v1/workspaces').then((answer) => {
      if (answer)
        void api.prefetch('/v1/customer-activity', {
          workspaceId: defaultWorkspace(answer.workspaces),
        });
    });
  }
  root.render(<App initialToken={token} />);
}
