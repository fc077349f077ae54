import { Fixtures, Person } from '../../hub.fixtures';
import { TestHub } from '../../test-hub';

/** The evaluation day of the scenario's summaries (contracts and package active). */
export const DAY = '2026-06-01';

const ENTITLEMENTS_A = [
  {
    entitlementId: 'reactive-hours',
    category: 'reactive',
    service: 'Problem resolution',
    unit: 'hours',
    quantity: 10,
    kind: 'consumable',
  },
  {
    entitlementId: 'advisory-hours',
    category: 'advisory',
    service: 'Advisory',
    unit: 'hours',
    quantity: 5,
    kind: 'consumable',
  },
  {
    entitlementId: 'courses',
    category: 'education',
    service: 'On-demand education',
    unit: 'seats',
    quantity: 3,
    kind: 'consumable',
  },
  {
    entitlementId: 'webcasts',
    category: 'education',
    service: 'Webcasts',
    unit: 'seats',
    quantity: 1,
    kind: 'benefit',
  },
];
const ENTITLEMENTS_B = [
  {
    entitlementId: 'reactive-hours',
    category: 'reactive',
    service: 'Problem resolution',
    unit: 'hours',
    quantity: 100,
    kind: 'consumable',
  },
];

/**
 * One customer with two workspaces (A and B), a contract mapped into each, an add-on package in
 * A, people of each role in A, and five consumption records: the Customer Activity e2e specs'
 * shared set-up (each spec file starts its own hub with it).
 */
export class ActivityScenario {
  hub!: TestHub;
  f!: Fixtures;
  workspaceA!: string;
  workspaceB!: string;
  contractA!: string;
  contractB!: string;
  packageA!: string;
  adminA!: string;
  activityA!: string;
  memberA!: string;
  learnerA!: string;
  auditor!: string;
  position!: string;

  /** Records a consumption as the billing service would; later reads wait for its position. */
  async log(consumptionId: string, body: object): Promise<void> {
    const answer = await this.f.ok('POST', '/v1/consumption', this.f.service, {
      consumptionId,
      deliveredOn: '2026-03-01',
      reference: { kind: 'case', id: `case-${consumptionId}` },
      ...body,
    });
    this.position = answer.position;
  }

  /** A GET that waits until the read models show every write so far. */
  get(token: string, url: string) {
    return this.hub.call(
      'GET',
      `${url}${url.includes('?') ? '&' : '?'}minPosition=${this.position}`,
      {
        token,
      },
    );
  }

  summary(token: string, workspaceId: string) {
    return this.get(token, `/v1/customer-activity?workspaceId=${workspaceId}&asOfDate=${DAY}`);
  }

  private async withRole(workspaceId: string, adminToken: string, role: string): Promise<string> {
    const person: Person = await this.f.member(workspaceId, adminToken, role.toLowerCase());
    if (role !== 'Member')
      await this.f.ok('POST', `/v1/workspaces/${workspaceId}/roles`, adminToken, {
        userId: person.sub,
        role,
      });
    return this.f.tokenOf(person);
  }

  static async start(): Promise<ActivityScenario> {
    const s = new ActivityScenario();
    await s.seed();
    return s;
  }

  private async seed(): Promise<void> {
    this.hub = await TestHub.start();
    this.f = new Fixtures(this.hub);
    this.auditor = this.hub.token({
      sub: 'this.auditor-1',
      roles: ['Auditor'],
      orgKind: 'provider',
    });
    const customer = await this.f.customer();
    const a = await this.f.administeredWorkspace(customer.agreementId);
    const b = await this.f.administeredWorkspace(customer.agreementId);
    this.workspaceA = a.workspaceId;
    this.workspaceB = b.workspaceId;
    this.adminA = this.f.tokenOf(a.admin);
    this.contractA = await this.f.addContract(customer.agreementId, ENTITLEMENTS_A);
    this.contractB = await this.f.addContract(customer.agreementId, ENTITLEMENTS_B);
    await this.f.ok('POST', `/v1/workspaces/${this.workspaceA}/mappings`, this.f.csam, {
      contractId: this.contractA,
    });
    await this.f.ok('POST', `/v1/workspaces/${this.workspaceB}/mappings`, this.f.csam, {
      contractId: this.contractB,
    });
    this.packageA = (
      await this.f.ok('POST', `/v1/contracts/${this.contractA}/packages`, this.f.csam, {
        name: 'Azure enhanced',
        expiresOn: '2026-09-30',
        entitlements: [
          {
            entitlementId: 'pkg-hours',
            category: 'proactive',
            service: 'Proactive credits',
            unit: 'credits',
            quantity: 4,
            kind: 'consumable',
          },
          {
            entitlementId: 'pkg-benefit',
            category: 'advisory',
            service: 'Architecture review',
            description: 'once a year',
            unit: 'sessions',
            quantity: 1,
            kind: 'benefit',
          },
        ],
      })
    ).packageId;
    await this.f.ok('POST', `/v1/workspaces/${this.workspaceA}/mappings`, this.f.csam, {
      packageId: this.packageA,
    });
    this.activityA = await this.withRole(this.workspaceA, this.adminA, 'CustomerActivity');
    this.memberA = await this.withRole(this.workspaceA, this.adminA, 'Member');
    this.learnerA = await this.withRole(this.workspaceA, this.adminA, 'LearningManager');
    await this.log('k1', {
      contractId: this.contractA,
      entitlementId: 'reactive-hours',
      quantity: 6,
      workspaceId: this.workspaceA,
    });
    await this.log('k2', {
      contractId: this.contractA,
      entitlementId: 'reactive-hours',
      quantity: 5.5,
      deliveredOn: '2026-03-02',
    });
    await this.log('k3', {
      contractId: this.contractB,
      entitlementId: 'reactive-hours',
      quantity: 9,
      workspaceId: this.workspaceB,
    });
    await this.log('k4', {
      contractId: this.contractA,
      entitlementId: 'courses',
      quantity: 1,
      reference: { kind: 'course', id: 'AZ-104, "intro"' },
    });
    await this.log('k5', {
      contractId: this.contractA,
      packageId: this.packageA,
      entitlementId: 'pkg-hours',
      quantity: 2.5,
    });
  }
}
