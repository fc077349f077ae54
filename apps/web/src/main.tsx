import { createRoot } from 'react-dom/client';
import { HubApi } from './api';
import { App } from './App';
import { adoptToken } from './auth';
import './styles.css';

const token = adoptToken(window.location, window.sessionStorage, (url) =>
  window.history.replaceState(null, '', url),
);
// Customer Activity, the page most visits open on, first needs the caller's workspaces.
if (token && (window.location.hash || '#/activity').startsWith('#/activity'))
  new HubApi(token).prefetch('/v1/workspaces');
createRoot(document.getElementById('root') as HTMLElement).render(<App initialToken={token} />);
