import { useSession } from '../context';
import { CategoryRow } from '../types';

const LABELS: Record<string, string> = {
  proactive: 'Proactive',
  reactive: 'Reactive',
  advisory: 'Advisory',
  education: 'Education',
  assessment: 'Assessment',
  contacts: 'Contacts',
};

export const categoryLabel = (category: string) => LABELS[category] ?? category;

/** One tile per category and unit: used of total, remaining, overage, and the forecast if any. */
export function Tiles(props: {
  categories: CategoryRow[];
  selected: string | null;
  onSelect: (category: string) => void;
}) {
  const { format } = useSession();
  return (
    <section aria-labelledby="tiles-heading">
      <h2 id="tiles-heading">Entitlements by category</h2>
      <ul className="tiles">
        {props.categories.map((row) => {
          const key = `${row.category}-${row.unit}`;
          return (
            <li key={key} className="tile" data-testid={`tile-${key}`}>
              <h3>
                {categoryLabel(row.category)} <span className="unit">({row.unit})</span>
              </h3>
              <p className="used">
                <span data-figure="consumed">{format.number(row.consumed)}</span> used of{' '}
                <span data-figure="total">{format.number(row.total)}</span>
              </p>
              <meter
                min={0}
                max={row.total || 1}
                value={Math.min(row.consumed, row.total)}
                aria-label={`${categoryLabel(row.category)} used`}
              />
              <p>
                Remaining <strong data-figure="remaining">{format.number(row.remaining)}</strong>
              </p>
              {row.overage > 0 && (
                <p className="overage">
                  Overage <strong data-figure="overage">{format.number(row.overage)}</strong>
                </p>
              )}
              {row.exhaustsOn && (
                <p className={row.exhaustsBeforeEnd ? 'overage' : undefined}>
                  Runs out {format.day(row.exhaustsOn)}
                </p>
              )}
              <button
                type="button"
                aria-pressed={props.selected === row.category}
                onClick={() => props.onSelect(row.category)}
              >
                Details
                <span className="visually-hidden">
                  {' '}
                  for {categoryLabel(row.category)} ({row.unit})
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
