import { createContext, useContext } from 'react';
import { HubApi } from './api';
import { Claims } from './auth';
import { Formatters } from './format';

export interface Session {
  api: HubApi;
  claims: Claims;
  format: Formatters;
  /** An auditor's "as of" instant (ISO), or null for the live record. */
  asOf: string | null;
  signOut: (reason?: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export const isAuditor = (claims: Claims) => claims.roles.includes('Auditor');
