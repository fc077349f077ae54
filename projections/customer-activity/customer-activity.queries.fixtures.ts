import { customerActivityProjection } from './customer-activity.projection';
import {
  consumed,
  contractAdded,
  contractMapped,
  line,
  reversed,
  workspaceCreated,
} from './customer-activity.fixtures';
import { scopeOf, viewOf } from './customer-activity.spec-view';

// w1 sees c1 (current) and c3 (expired); w2 sees c2 and shares c1.
/** The query specs' history. */
export const history = [
  workspaceCreated('w1'),
  workspaceCreated('w2'),
  workspaceCreated('w3'),
  contractAdded('c1', [
    line('e1', 'reactive', 10),
    line('e2', 'advisory', 5),
    line('e3', 'proactive', 8),
    line('e4', 'proactive', 3, 'consumable', 'credits'),
    line('e5', 'education', 1, 'benefit'),
  ]),
  contractAdded('c2', [line('f1', 'reactive', 100)], {
    startsOn: '2027-01-01',
    endsOn: '2027-12-31',
  }),
  contractAdded('c3', [line('g1', 'education', 4, 'consumable', 'seats')], {
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
  }),
  contractMapped('w1', 'c1'),
  contractMapped('w1', 'c3'),
  contractMapped('w2', 'c2'),
  contractMapped('w2', 'c1'),
  consumed('k1', 'c1', 'e1', 6, { workspaceId: 'w1', deliveredOn: '2026-03-01' }),
  consumed('k2', 'c1', 'e1', 7.5, { workspaceId: 'w2', deliveredOn: '2026-03-02' }),
  consumed('k3', 'c1', 'e2', 1.25, { category: 'advisory', deliveredOn: '2026-03-02' }),
  consumed('k4', 'c1', 'e1', 2, { deliveredOn: '2026-03-03' }),
  reversed('k4', 'c1', 'e1', 2),
  consumed('k5', 'c1', 'e3', 0.1, { category: 'proactive' }),
  consumed('k6', 'c1', 'e3', 0.2, { category: 'proactive' }),
  consumed('k7', 'c2', 'f1', 9, { workspaceId: 'w2' }),
  consumed('k8', 'c3', 'g1', 1, { category: 'education', unit: 'seats' }),
];

export const day = '2026-06-01';
export const view = () => viewOf(customerActivityProjection, history);
export const w1Admin = scopeOf({ w1: ['WorkspaceAdministrator'] });
