import { Suspense, lazy, useEffect, useState } from 'react';
import { useSession } from '../context';
import { isoDay, dayOf } from '../days';
import { burnDown } from '../forecast';
import { ContractRow, Drilldown, RecordRow } from '../types';
import { useLoad } from '../useLoad';
import { DrilldownGrid } from './DrilldownGrid';
import { categoryLabel } from './Tiles';

// Chart.js is most of the UI's code: loaded after the tiles, so the first render waits for none of it.
const BurnDownChart = lazy(() => import('./BurnDownChart'));

const PAGE = 500;
/** A burn-down reads at most this many pages of records (the grid pages on without limit). */
const MAX_PAGES = 20;

export type Selection = { workspaceId: string; contractId: string };

/** A category's lines: a burn-down chart per line, then the drill-down grid on request. */
export function CategoryDetail(props: {
  category: string;
  selection: Selection;
  contracts: ContractRow[];
  revision: number;
}) {
  const { api, format } = useSession();
  const [showGrid, setShowGrid] = useState(false);
  const path = `/v1/customer-activity/drilldowns/${props.category}`;
  const [detail, reload] = useLoad(async () => {
    const first = await api.get<Drilldown>(path, { ...props.selection, limit: PAGE });
    const records: RecordRow[] = [...first.records];
    let cursor = first.nextCursor;
    for (let page = 1; cursor && page < MAX_PAGES; page += 1) {
      const next = await api.get<Drilldown>(path, { ...props.selection, limit: PAGE, cursor });
      records.push(...next.records);
      cursor = next.nextCursor;
    }
    return { entitlements: first.entitlements, records };
  }, [api, path, props.selection.workspaceId, props.selection.contractId]);
  useEffect(() => {
    if (props.revision > 0) reload();
  }, [props.revision, reload]);
  useEffect(() => setShowGrid(false), [props.category]);

  const today = isoDay(dayOf(new Date()));
  const contracts = new Map(props.contracts.map((c) => [c.contractId, c]));
  return (
    <section aria-labelledby="detail-heading">
      <h2 id="detail-heading">{categoryLabel(props.category)}: burn-down per line</h2>
      {detail.state === 'loading' && <p role="status">Loading lines…</p>}
      {detail.state === 'error' && (
        <p className="empty">The lines could not be read: {detail.message}</p>
      )}
      {detail.state === 'ready' && (
        <>
          <Suspense fallback={<p role="status">Loading charts…</p>}>
            <div className="charts">
              {detail.value.entitlements.map((line) => {
                const contract = contracts.get(line.contractId);
                const records = detail.value.records.filter(
                  (r) => r.contractId === line.contractId && r.entitlementId === line.entitlementId,
                );
                const drawn = burnDown({
                  total: line.total,
                  startsOn: contract?.startsOn ?? records[records.length - 1]?.deliveredOn ?? today,
                  endsOn: contract?.endsOn ?? today,
                  today,
                  records,
                  server: line,
                });
                return (
                  <BurnDownChart
                    key={`${line.contractId}/${line.entitlementId}`}
                    title={`${line.service} (${line.unit}), contract ${line.contractId}`}
                    endLabel={`Contract end ${contract ? format.day(contract.endsOn) : ''}`}
                    line={line}
                    drawn={drawn}
                  />
                );
              })}
            </div>
          </Suspense>
          <button type="button" aria-expanded={showGrid} onClick={() => setShowGrid(!showGrid)}>
            {showGrid ? 'Hide' : 'Open'} the drill-down
            <span className="visually-hidden"> of {categoryLabel(props.category)}</span>
          </button>
          {showGrid && (
            <DrilldownGrid
              category={props.category}
              selection={props.selection}
              lines={detail.value.entitlements}
            />
          )}
        </>
      )}
    </section>
  );
}
