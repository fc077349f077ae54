import { useEffect, useState } from 'react';
import { useSession } from '../context';
import { dayNumber, dayOf } from '../days';
import { PackageRow } from '../types';
import { useLoad } from '../useLoad';
import { Selection } from './CategoryDetail';
import { PackageBurnDowns } from './PackageBurnDowns';
import { RecordsGrid } from './RecordsGrid';

/** Add-on packages in view, with package and state filters, balances, benefits and expiry. */
export function AddonPackages(props: { selection: Selection; revision: number }) {
  const { api, asOf, format } = useSession();
  const [packageId, setPackageId] = useState('');
  const [state, setState] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const params = { ...props.selection, packageId, state };
  const [packages, reload] = useLoad(async () => {
    const read = (p: Record<string, string>) =>
      asOf
        ? api.asOf<{ packages: PackageRow[] }>(
            'addon-balances',
            asOf,
            { ...p, asOfDate: asOf.slice(0, 10) },
            new Date(),
          )
        : api.get<{ packages: PackageRow[] }>('/v1/customer-activity/addon-packages', p);
    const shown = (await read(params)).packages;
    const all = packageId || state ? (await read(props.selection)).packages : shown;
    return { shown, all };
  }, [api, asOf, props.selection.workspaceId, props.selection.contractId, packageId, state]);
  useEffect(() => {
    if (props.revision > 0) reload();
  }, [props.revision, reload]);
  const today = dayOf(asOf ? new Date(asOf) : new Date());
  return (
    <section aria-labelledby="packages-heading">
      <h2 id="packages-heading">Add-on packages</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Package filters">
        <div className="field">
          <label htmlFor="filter-package">Package</label>
          <select
            id="filter-package"
            value={packageId}
            onChange={(e) => setPackageId(e.target.value)}
          >
            <option value="">All packages</option>
            {(packages.state === 'ready' ? packages.value.all : []).map((p) => (
              <option key={p.packageId} value={p.packageId}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-state">State</label>
          <select id="filter-state" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">Active and inactive</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive (expired or withdrawn)</option>
          </select>
        </div>
      </form>
      {packages.state === 'error' && <p className="empty">No add-on packages you may see here.</p>}
      {packages.state === 'ready' && packages.value.shown.length === 0 && (
        <p className="empty">No add-on packages in this view.</p>
      )}
      {packages.state === 'ready' && packages.value.shown.length > 0 && (
        <ul className="packages">
          {packages.value.shown.map((p) => {
            const days = dayNumber(p.expiresOn) - today;
            return (
              <li key={p.packageId} data-testid={`package-${p.packageId}`}>
                <h3>
                  {p.name}{' '}
                  <span className={`badge ${p.state === 'active' ? 'ok' : 'muted'}`}>
                    {p.state}
                  </span>
                </h3>
                <p>
                  {days >= 0
                    ? `Expires ${format.day(p.expiresOn)} (in ${format.number(days)} days)`
                    : `Expired ${format.day(p.expiresOn)}`}
                </p>
                <ul>
                  {p.consumables.map((c) => (
                    <li key={c.entitlementId}>
                      {c.service}: {format.number(c.consumed)} used of {format.number(c.total)}{' '}
                      {c.unit}, {format.number(c.remaining)} remaining
                    </li>
                  ))}
                  {p.benefits.map((b) => (
                    <li key={b.service}>
                      {b.service} (benefit){b.description ? `: ${b.description}` : ''}
                    </li>
                  ))}
                </ul>
                {!asOf && p.state === 'active' && (
                  <PackageBurnDowns pkg={p} workspaceId={props.selection.workspaceId} />
                )}
                {!asOf && (
                  <button
                    type="button"
                    aria-expanded={opened === p.packageId}
                    onClick={() => setOpened(opened === p.packageId ? null : p.packageId)}
                  >
                    {opened === p.packageId ? 'Close' : 'Open'} the records of {p.name}
                  </button>
                )}
                {!asOf && opened === p.packageId && (
                  <RecordsGrid
                    label={p.name}
                    path={`/v1/customer-activity/addon-packages/${encodeURIComponent(p.packageId)}/records`}
                    params={{ workspaceId: props.selection.workspaceId }}
                    exportPath="/v1/customer-activity/exports/addon-package-records.csv"
                    exportParams={{
                      workspaceId: props.selection.workspaceId,
                      packageId: p.packageId,
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
