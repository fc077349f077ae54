import { useEffect } from 'react';
import { useSession } from '../context';
import { watch } from '../live';
import { Notification } from '../types';
import { useLoad } from '../useLoad';
import { Empty, Problem } from '../components/Status';

/** The caller's own notifications, kept current over server-sent events (or asked again). */
export function NotificationsPage() {
  const { api, asOf, format } = useSession();
  const [list, reload] = useLoad(
    () => api.get<{ notifications: Notification[] }>('/v1/notifications'),
    [api],
  );
  useEffect(() => watch(api, reload, { events: ['notification'] }), [api, reload]);
  return (
    <>
      <h1>Notifications</h1>
      {asOf && <p className="note">Notifications are your own and always the current list.</p>}
      {list.state === 'loading' && <p role="status">Loading…</p>}
      {list.state === 'error' && <Problem message={list.message} />}
      {list.state === 'ready' && list.value.notifications.length === 0 && (
        <Empty>You have no notifications.</Empty>
      )}
      {list.state === 'ready' && list.value.notifications.length > 0 && (
        <ul className="notifications" aria-live="polite">
          {list.value.notifications.map((n) => (
            <li key={n.id}>
              <strong>{n.subject}</strong> <span className="badge muted">{n.kind}</span>{' '}
              <time dateTime={n.createdAt}>{format.instant(n.createdAt)}</time>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
