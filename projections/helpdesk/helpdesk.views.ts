import { NotFoundError, ValidationError } from '@hub/domain';
import { ProjectionView } from '@hub/projection/projection-runner';
import { findAll } from '../access/access.queries';
import {
  HELPDESK_COLLECTIONS as C,
  ConsentDoc,
  LastEmail,
  OrgDoc,
  SubscriptionDoc,
  SuppressionDoc,
  UserDoc,
  consentId,
} from './helpdesk.documents';
import { isManagedBy, managedOrg } from './helpdesk.scope';

export const DEFAULT_USERS_PAGE = 50;
export const MAX_USERS_PAGE = 200;

/** A user as the organisation view lists them. */
export interface OrgViewUser {
  userId: string;
  displayName: string;
  email: string;
  status: string;
}

/** The organisation view (domain.md §7, seed 003 "Sökning efter kund"). */
export interface OrgView {
  orgId: string;
  name: string;
  createdAt: string;
  domains: OrgDoc['domains'];
  sites: string[];
  orderNumbers: string[];
  licences: OrgDoc['licences'];
  subscriptions: Omit<SubscriptionDoc, 'orgId'>[];
  administrators: { userId: string; email: string; displayName: string | null }[];
  /** Whether the customer currently lets this partner open it as a read-only administrator. */
  readOnlyAccessAllowed: boolean;
  /** One page of the organisation's users by display name, with the total. */
  users: { total: number; items: OrgViewUser[]; nextCursor: string | null };
  /** The devices of the users on this page. */
  devices: { deviceId: string; model: string; userId: string }[];
}

/** The user view (domain.md §7, seed 003 "Sökning efter användare"). */
export interface UserView {
  userId: string;
  orgId: string;
  orgName: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  status: string;
  lastEmail: LastEmail | null;
  licences: string[];
  devices: UserDoc['devices'];
  features: string[];
  /** Whether the address is on the do-not-contact list now (an agent may remove it). */
  suppressed: boolean;
  suppression: { reason: string; recordedAt: string } | null;
}

/** Page size of the organisation view's users; 400 naming the field when out of range. */
export function parseUsersLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_USERS_PAGE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_USERS_PAGE)
    throw new ValidationError('usersLimit is not valid', {
      usersLimit: [`must be an integer from 1 to ${MAX_USERS_PAGE}`],
    });
  return limit;
}

export async function orgView(
  view: ProjectionView,
  partnerId: string,
  orgId: string,
  page: { limit: number; cursor?: string },
): Promise<OrgView> {
  const org = await managedOrg(view, partnerId, orgId);
  const users = view.collection(C.users);
  const [subscriptions, admins, consent, total, members] = await Promise.all([
    findAll<SubscriptionDoc>(view, C.subscriptions, { orgId }),
    view.store.getMany<UserDoc>(
      users,
      org.administrators.map((a) => a.userId),
    ),
    view.store.get<ConsentDoc>(view.collection(C.consents), consentId(orgId, partnerId)),
    view.store.count(users, { orgId }),
    view.store.find<UserDoc>(users, {
      filter: { orgId },
      sort: [{ field: 'displayName', direction: 'asc' }],
      limit: page.limit,
      cursor: page.cursor,
    }),
  ]);
  const adminNames = new Map(admins.map((u) => [u.userId, u.displayName]));
  return {
    orgId: org.orgId,
    name: org.name,
    createdAt: org.createdAt,
    domains: org.domains,
    sites: org.sites,
    orderNumbers: org.orderNumbers,
    licences: org.licences,
    subscriptions: subscriptions
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))
      .map(({ subscriptionId, product, billing, providerPartnerId, registeredAt }) => ({
        subscriptionId,
        product,
        billing,
        providerPartnerId,
        registeredAt,
      })),
    administrators: org.administrators.map((a) => ({
      userId: a.userId,
      email: a.email,
      displayName: adminNames.get(a.userId) ?? null,
    })),
    readOnlyAccessAllowed: consent?.allowed ?? false,
    users: {
      total,
      items: members.items.map(({ userId, displayName, email, status }) => ({
        userId,
        displayName,
        email,
        status,
      })),
      nextCursor: members.nextCursor ?? null,
    },
    devices: members.items.flatMap((u) =>
      u.devices.map((d) => ({ deviceId: d.deviceId, model: d.model, userId: u.userId })),
    ),
  };
}

export async function userView(
  view: ProjectionView,
  partnerId: string,
  userId: string,
): Promise<UserView> {
  const user = await view.store.get<UserDoc>(view.collection(C.users), userId);
  const org =
    user?.orgId && user.terms !== null
      ? await view.store.get<OrgDoc>(view.collection(C.orgs), user.orgId)
      : null;
  if (!user || !isManagedBy(org, partnerId))
    throw new NotFoundError(`User ${userId} not found among the partner's customers`);
  const suppression = user.emailKey
    ? await view.store.get<SuppressionDoc>(view.collection(C.suppressions), user.emailKey)
    : null;
  const suppressed = suppression?.suppressed ?? false;
  return {
    userId: user.userId,
    orgId: org.orgId,
    orgName: org.name,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    status: user.status,
    lastEmail: user.lastEmail,
    licences: user.licences,
    devices: user.devices,
    features: user.features,
    suppressed,
    suppression:
      suppression && suppressed
        ? { reason: suppression.reason, recordedAt: suppression.recordedAt }
        : null,
  };
}
