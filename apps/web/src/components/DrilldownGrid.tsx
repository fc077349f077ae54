import { useSession } from '../context';
import { EntitlementRow } from '../types';
import { Selection } from './CategoryDetail';
import { RecordsGrid } from './RecordsGrid';
import { categoryLabel } from './Tiles';
import { Columns } from './Columns';

/** The full grid of a category: its lines with balances and every record, paged, with CSV export. */
export function DrilldownGrid(props: {
  category: string;
  selection: Selection;
  lines: EntitlementRow[];
}) {
  const { format } = useSession();
  const label = categoryLabel(props.category);
  return (
    <div className="drilldown">
      <div className="scroll" tabIndex={0} role="region" aria-label={`${label} lines`}>
        <table>
          <caption>{label}: lines</caption>
          <Columns names={['Service', 'Contract', 'Unit', 'Total', 'Used', 'Remaining']} />
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
      <RecordsGrid
        label={label}
        path={`/v1/customer-activity/drilldowns/${props.category}`}
        params={props.selection}
        exportPath={`/v1/customer-activity/exports/${props.category}.csv`}
        exportParams={props.selection}
      />
    </div>
  );
}
