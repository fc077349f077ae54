import { useEffect, useRef, useState } from 'react';
import { useSession, isAuditor } from '../context';
import { watch } from '../live';
import { ActivitySummary, Workspace } from '../types';
import { useLoad } from '../useLoad';
import { defaultWorkspace } from '../workspaces';
import { AddonPackages } from '../components/AddonPackages';
import { CategoryDetail } from '../components/CategoryDetail';
import { ExtraCasesList } from '../components/ExtraCasesList';
import { Tiles } from '../components/Tiles';
import { Empty, Problem } from '../components/Status';

export function CustomerActivityPage() {
  const { api, asOf, claims } = useSession();
  const [workspaces] = useLoad(
    () => api.get<{ workspaces: Workspace[] }>('/v1/workspaces').then((a) => a.workspaces),
    [api],
  );
  const [workspaceId, setWorkspaceId] = useState<string | null>(null);
  const [contractId, setContractId] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (workspaces.state === 'ready' && workspaceId === null)
      setWorkspaceId(defaultWorkspace(workspaces.value));
    if (workspaces.state === 'error' && workspaceId === null) setWorkspaceId('all');
  }, [workspaces, workspaceId]);

  const selection = { workspaceId: workspaceId ?? 'all', contractId };
  const [summary, reloadSummary] = useLoad<
    ActivitySummary & { allContracts: ActivitySummary['contracts'] }
  >(async () => {
    if (workspaceId === null) return new Promise(() => undefined);
    const read = (params: Record<string, string>) =>
      asOf
        ? api.asOf<ActivitySummary>(
            'customer-activity',
            asOf,
            { ...params, asOfDate: asOf.slice(0, 10) },
            new Date(),
          )
        : api.get<ActivitySummary>('/v1/customer-activity', params);
    const shown = await read(selection);
    const all = contractId ? await read({ workspaceId: selection.workspaceId }) : shown;
    return { ...shown, allContracts: all.contracts };
  }, [api, asOf, workspaceId, contractId]);
  useEffect(() => {
    if (summary.state === 'ready' && !performance.getEntriesByName('activity-rendered').length)
      performance.mark('activity-rendered');
  }, [summary]);
  // The latest refresh, read by one watch for the page's life (a new filter is no reason to
  // open another stream).
  const refresh = useRef(() => undefined as void);
  refresh.current = () => {
    reloadSummary();
    setRevision((r) => r + 1);
  };
  useEffect(() => {
    if (asOf) return undefined;
    return watch(api, () => refresh.current(), {
      events: ['read-model'],
      projections: ['customer-activity', 'addon-balances'],
    });
  }, [api, asOf]);

  const workspaceList = workspaces.state === 'ready' ? workspaces.value : [];
  return (
    <>
      <h1>Customer Activity</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <div className="field">
          <label htmlFor="filter-workspace">Workspace</label>
          <select
            id="filter-workspace"
            value={workspaceId ?? 'all'}
            onChange={(e) => {
              setWorkspaceId(e.target.value);
              setContractId('');
              setCategory(null);
            }}
          >
            <option value="all">All workspaces</option>
            {workspaceList.map((w) => (
              <option key={w.workspaceId} value={w.workspaceId}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-contract">Contract</label>
          <select
            id="filter-contract"
            value={contractId}
            onChange={(e) => setContractId(e.target.value)}
          >
            <option value="">All contracts</option>
            {(summary.state === 'ready' ? summary.value.allContracts : []).map((c) => (
              <option key={c.contractId} value={c.contractId}>
                {c.contractId} ({c.status})
              </option>
            ))}
          </select>
        </div>
      </form>
      {summary.state === 'loading' && <p role="status">Loading…</p>}
      {summary.state === 'error' &&
        (summary.status === 403 ? (
          <Empty>
            You do not hold the Customer Activity role in this workspace, so there is nothing to
            show.
          </Empty>
        ) : summary.status === 404 ? (
          <Empty>There is no such workspace or contract among the ones you may see.</Empty>
        ) : (
          <Problem message={summary.message} />
        ))}
      {summary.state === 'ready' && summary.value.categories.length === 0 && (
        <Empty>
          {isAuditor(claims) && !asOf
            ? 'Nothing to show live. Pick an "As of" day to see the record as it stood then.'
            : 'There is no Customer Activity you may see here: no contract in view, or no Customer Activity role in any workspace.'}
        </Empty>
      )}
      {summary.state === 'ready' && summary.value.categories.length > 0 && (
        <>
          <Tiles
            categories={summary.value.categories}
            selected={category}
            onSelect={(c) => setCategory(c)}
          />
          {asOf ? (
            <p className="note">
              Burn-down charts and drill-downs show the current record; clear the date to see them.
            </p>
          ) : (
            <CategoryDetail
              category={category ?? summary.value.categories[0].category}
              selection={selection}
              contracts={summary.value.allContracts}
              revision={revision}
            />
          )}
        </>
      )}
      {workspaceId !== null && summary.state === 'ready' && (
        <>
          <AddonPackages selection={selection} revision={revision} />
          <ExtraCasesList workspaceId={selection.workspaceId} />
        </>
      )}
    </>
  );
}
