import { useEffect, useState } from 'react';
import { useSession } from '../context';
import { watch } from '../live';
import { slaState } from '../sla';
import { CaseRow } from '../types';
import { useLoad } from '../useLoad';
import { Empty, Problem } from '../components/Status';
import { Columns } from '../components/Columns';

interface CaseList {
  cases: CaseRow[];
  fetchedAt: Date;
}

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function CaseTable(props: { caption: string; list: CaseList; testId: string }) {
  const { format } = useSession();
  const now = useNow();
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label={props.caption}>
      <table data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <Columns
          names={['Case', 'Severity', 'Status', 'Opened', 'First response due', 'Response clock']}
        />
        <tbody>
          {props.list.cases.map((c) => {
            const sla = slaState(c, now, props.list.fetchedAt);
            return (
              <tr key={c.caseId} data-case={c.caseId}>
                <td>
                  {c.title}
                  {c.onBehalfOf && (
                    <span className="badge muted">filed by partner {c.onBehalfOf.partnerId}</span>
                  )}
                </td>
                <td>{c.severity}</td>
                <td>{c.status}</td>
                <td>
                  <time dateTime={c.openedAt}>{format.instant(c.openedAt)}</time>
                </td>
                <td>
                  <time dateTime={c.initialResponseDueAt}>
                    {format.instant(c.initialResponseDueAt)}
                  </time>
                </td>
                <td>
                  {sla.breached && <span className="badge breach">Target breached</span>}
                  {sla.secondsLeft !== null && (
                    <span className="countdown" data-testid="countdown">
                      {format.duration(sla.secondsLeft)} left
                    </span>
                  )}
                  {!sla.breached &&
                    sla.secondsLeft === null &&
                    (c.respondedAt ? 'Answered in time' : '—')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The caller's cases with their SLA clock; for a partner agent, the cases its partner filed. */
export function CasesPage() {
  const { api, asOf, claims } = useSession();
  const [cases, reload] = useLoad<CaseList>(async () => {
    const params = { workspaceId: 'all', limit: 200 };
    const answer = asOf
      ? await api.asOf<{ cases: CaseRow[] }>('cases', asOf, params, new Date())
      : await api.get<{ cases: CaseRow[] }>('/v1/cases', params);
    return { cases: answer.cases, fetchedAt: new Date() };
  }, [api, asOf]);
  const partnerId = claims.orgKind === 'partner' ? claims.org : undefined;
  const [filed, reloadFiled] = useLoad<CaseList | null>(async () => {
    if (!partnerId || asOf) return null;
    const answer = await api.get<{ cases: CaseRow[] }>(
      `/v1/partners/${encodeURIComponent(partnerId)}/cases`,
    );
    return { cases: answer.cases, fetchedAt: new Date() };
  }, [api, asOf, partnerId]);
  useEffect(() => {
    if (asOf) return undefined;
    return watch(
      api,
      () => {
        reload();
        reloadFiled();
      },
      // A case's warnings reach its people as notifications (the cases read model records
      // only the breach): either is a reason to ask the hub for the time left again.
      { events: ['read-model', 'notification'], projections: ['cases'] },
    );
  }, [api, asOf, reload, reloadFiled]);
  return (
    <>
      <h1>Cases</h1>
      {cases.state === 'loading' && <p role="status">Loading…</p>}
      {cases.state === 'error' && <Problem message={cases.message} />}
      {cases.state === 'ready' &&
        (cases.value.cases.length === 0 ? (
          <Empty>There are no cases you may see.</Empty>
        ) : (
          <CaseTable caption="Your cases" list={cases.value} testId="cases" />
        ))}
      {partnerId && !asOf && (
        <section aria-labelledby="filed-heading">
          <h2 id="filed-heading">Cases filed by your partner</h2>
          {filed.state === 'ready' && filed.value && filed.value.cases.length === 0 && (
            <Empty>Your partner has filed no cases.</Empty>
          )}
          {filed.state === 'ready' && filed.value && filed.value.cases.length > 0 && (
            <CaseTable caption="Filed by your partner" list={filed.value} testId="filed-cases" />
          )}
          {filed.state === 'error' && <Problem message={filed.message} />}
        </section>
      )}
    </>
  );
}
