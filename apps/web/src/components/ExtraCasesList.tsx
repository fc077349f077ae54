import { useSession } from '../context';
import { ExtraCases } from '../types';
import { useLoad } from '../useLoad';
import { Columns } from './Columns';

const RULES: Record<string, string> = {
  expired_contract: 'contract expired',
  unmapped_contract: 'contract not mapped',
  missing_reference: 'no contract reference',
  support_category: 'support category',
};

/** Cases that count beyond the entitlements ("additional incidents"), with counts per service. */
export function ExtraCasesList(props: { workspaceId: string }) {
  const { api, asOf } = useSession();
  const [extra] = useLoad(
    () =>
      asOf
        ? api.asOf<ExtraCases>('extra-cases', asOf, { workspaceId: props.workspaceId }, new Date())
        : api.get<ExtraCases>('/v1/customer-activity/extra-cases', {
            workspaceId: props.workspaceId,
          }),
    [api, asOf, props.workspaceId],
  );
  return (
    <section aria-labelledby="extra-heading">
      <h2 id="extra-heading">Extra cases</h2>
      {extra.state === 'error' && <p className="empty">No extra cases you may see here.</p>}
      {extra.state === 'ready' && extra.value.cases.length === 0 && (
        <p className="empty">No extra cases in this view.</p>
      )}
      {extra.state === 'ready' && extra.value.cases.length > 0 && (
        <>
          <p>{extra.value.countsByService.map((s) => `${s.service}: ${s.cases}`).join(' · ')}</p>
          <div className="scroll" tabIndex={0} role="region" aria-label="Extra cases">
            <table>
              <caption>Extra cases</caption>
              <Columns names={['Case', 'Service', 'Why it counts extra']} />
              <tbody>
                {extra.value.cases.map((c) => (
                  <tr key={c.caseId}>
                    <td>{c.title}</td>
                    <td>{c.service}</td>
                    <td>{RULES[c.rule] ?? c.rule}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
