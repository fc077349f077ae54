import { useState } from 'react';
import { ApiError } from '../api';
import { useSession } from '../context';
import { Drilldown, EntitlementRow, RecordRow } from '../types';
import { useLoad } from '../useLoad';
import { saveFile } from './download';
import { Selection } from './CategoryDetail';
import { categoryLabel } from './Tiles';

const PAGE = 100;

/** The full grid of a category: its lines with balances and every record, paged, with CSV export. */
export function DrilldownGrid(props: {
  category: string;
  selection: Selection;
  lines: EntitlementRow[];
}) {
  const { api, format } = useSession();
  const path = `/v1/customer-activity/drilldowns/${props.category}`;
  const [extra, setExtra] = useState<{ records: RecordRow[]; cursor: string | null } | null>(null);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [first] = useLoad(
    () => api.get<Drilldown>(path, { ...props.selection, limit: PAGE }),
    [api, path, props.selection.workspaceId, props.selection.contractId],
  );
  if (first.state !== 'ready')
    return <p role="status">{first.state === 'loading' ? 'Loading records…' : first.message}</p>;
  const records = [...first.value.records, ...(extra?.records ?? [])];
  const cursor = extra ? extra.cursor : first.value.nextCursor;
  const more = async () => {
    const next = await api.get<Drilldown>(path, { ...props.selection, limit: PAGE, cursor });
    setExtra({ records: [...(extra?.records ?? []), ...next.records], cursor: next.nextCursor });
  };
  const exportCsv = async () => {
    try {
      const file = await api.csv(
        `/v1/customer-activity/exports/${props.category}.csv`,
        props.selection,
      );
      saveFile(file.fileName, file.text);
      setExportProblem(null);
    } catch (error) {
      setExportProblem(
        error instanceof ApiError && error.status === 403
          ? 'Exporting this grid needs a role you do not hold.'
          : String(error),
      );
    }
  };
  const label = categoryLabel(props.category);
  return (
    <div className="drilldown">
      <div className="scroll" tabIndex={0} role="region" aria-label={`${label} lines`}>
        <table>
          <caption>{label}: lines</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Contract</th>
              <th scope="col">Unit</th>
              <th scope="col">Total</th>
              <th scope="col">Used</th>
              <th scope="col">Remaining</th>
            </tr>
          </thead>
          <tbody>
            {props.lines.map((line) => (
              <tr key={`${line.contractId}/${line.entitlementId}`}>
                <td>{line.service}</td>
                <td>{line.contractId}</td>
                <td>{line.unit}</td>
                <td className="num">{format.number(line.total)}</td>
                <td className="num">{format.number(line.consumed)}</td>
                <td className="num">{format.number(line.remaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" onClick={exportCsv}>
          Export {label} as CSV
        </button>
      </p>
      {exportProblem && (
        <p role="alert" className="problem">
          {exportProblem}
        </p>
      )}
      {records.length === 0 ? (
        <p className="empty">No consumption recorded in this view.</p>
      ) : (
        <div className="scroll" tabIndex={0} role="region" aria-label={`${label} records`}>
          <table data-testid="drilldown-records">
            <caption>
              {label}: consumption records, newest first ({records.length} shown)
            </caption>
            <thead>
              <tr>
                <th scope="col">Delivered</th>
                <th scope="col">Service</th>
                <th scope="col">Quantity</th>
                <th scope="col">Unit</th>
                <th scope="col">Reference</th>
                <th scope="col">Workspace</th>
                <th scope="col">Reversed</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.consumptionId} className={r.reversed ? 'reversed' : undefined}>
                  <td>{format.day(r.deliveredOn)}</td>
                  <td>{r.service}</td>
                  <td className="num">{format.number(r.quantity)}</td>
                  <td>{r.unit}</td>
                  <td>{r.reference ? `${r.reference.kind} ${r.reference.id}` : '—'}</td>
                  <td>{r.workspaceId ?? '—'}</td>
                  <td>{r.reversed ? 'reversed' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" onClick={more}>
          Show more records
        </button>
      )}
    </div>
  );
}
