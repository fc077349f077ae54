import { Suspense, lazy } from 'react';
import { useSession } from '../context';
import { dayOf, isoDay } from '../days';
import { burnDown } from '../forecast';
import { PackageRow, RecordRow } from '../types';
import { useLoad } from '../useLoad';

const BurnDownChart = lazy(() => import('./BurnDownChart'));

/**
 * A burn-down per consumable of a package, its expiry marked, drawn from the package's records
 * (`GET /v1/customer-activity/addon-packages/{packageId}/records`); while they load, or if
 * they cannot, nothing is drawn here and the balances above still show.
 */
export function PackageBurnDowns(props: {
  pkg: PackageRow;
  workspaceId: string;
  startsOn?: string;
}) {
  const { api, format } = useSession();
  const { pkg } = props;
  const [records] = useLoad(
    () =>
      api.get<{ records: RecordRow[] }>(
        `/v1/customer-activity/addon-packages/${encodeURIComponent(pkg.packageId)}/records`,
        { workspaceId: props.workspaceId },
      ),
    [api, pkg.packageId, props.workspaceId],
  );
  if (records.state !== 'ready') return null;
  const today = isoDay(dayOf(new Date()));
  const all = records.value.records;
  return (
    <Suspense fallback={null}>
      {pkg.consumables.map((line) => {
        const mine = all.filter((r) => r.entitlementId === line.entitlementId);
        const earliest = mine.map((r) => r.deliveredOn).sort()[0];
        return (
          <BurnDownChart
            key={line.entitlementId}
            title={`${line.service} (${line.unit}), ${pkg.name}`}
            endLabel={`Package expires ${format.day(pkg.expiresOn)}`}
            line={{ ...line, contractId: pkg.packageId, category: '', description: '' }}
            drawn={burnDown({
              total: line.total,
              startsOn: props.startsOn ?? earliest ?? today,
              endsOn: pkg.expiresOn,
              today,
              records: mine,
              server: line,
            })}
          />
        );
      })}
    </Suspense>
  );
}
