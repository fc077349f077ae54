import { useState } from 'react';
import { ApiError, Params } from '../api';
import { useSession } from '../context';
import { RecordRow } from '../types';
import { useLoad } from '../useLoad';
import { saveFile } from './download';
import { Columns } from './Columns';

const PAGE = 100;

/**
 * Consumption records of a view, newest first, paged from `path` (any route answering
 * `{ records, nextCursor }`), with the view's CSV export: a category's drill-down or an add-on
 * package's records.
 */
export function RecordsGrid(props: {
  label: string;
  path: string;
  params: Params;
  exportPath: string;
  exportParams: Params;
}) {
  const { api, format } = useSession();
  const [extra, setExtra] = useState<{ records: RecordRow[]; cursor: string | null } | null>(null);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [first] = useLoad(
    () =>
      api.get<{ records: RecordRow[]; nextCursor: string | null }>(props.path, {
        ...props.params,
        limit: PAGE,
      }),
    [api, props.path, JSON.stringify(props.params)],
  );
  if (first.state !== 'ready')
    return <p role="status">{first.state === 'loading' ? 'Loading records…' : first.message}</p>;
  const records = [...first.value.records, ...(extra?.records ?? [])];
  const cursor = extra ? extra.cursor : first.value.nextCursor;
  const more = async () => {
    const next = await api.get<{ records: RecordRow[]; nextCursor: string | null }>(props.path, {
      ...props.params,
      limit: PAGE,
      cursor,
    });
    setExtra({ records: [...(extra?.records ?? []), ...next.records], cursor: next.nextCursor });
  };
  const exportCsv = async () => {
    try {
      const file = await api.csv(props.exportPath, props.exportParams);
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
  const { label } = props;
  return (
    <>
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
            <Columns
              names={[
                'Delivered',
                'Service',
                'Quantity',
                'Unit',
                'Reference',
                'Workspace',
                'Reversed',
              ]}
            />
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
    </>
  );
}
