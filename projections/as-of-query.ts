import { ProjectionView } from '@hub/projection/projection-runner';
import { CallerScope } from './access/caller-scope';

/**
 * A projection's live query as a function of a view, so the audit route can answer it against
 * a build folded in memory up to a past moment: same parameters, same shape.
 */
export type AsOfQuery = (
  view: ProjectionView,
  scope: CallerScope,
  query: Record<string, string | undefined>,
  /** The hub clock's instant: the evaluation day of query-time rules when `asOfDate` is absent. */
  now: Date,
  /** The keyed hash of an e-mail address, for queries that look one up (`SubjectKeyStore.addressKey`). */
  addressKey: (email: string) => string,
) => Promise<unknown>;
