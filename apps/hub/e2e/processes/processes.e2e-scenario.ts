import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePosition } from '@hub/event-store';
import { LeaseStore, ReadModelStore } from '@hub/read-store';
import { eventually } from '@hub/testing/eventually';
import { activateAgreement, csamToken } from '../hub.fixtures';
import { HubProcess } from './hub-process';

/** Short leases keep the takeover bounded: a standby runs a projection within this of a death. */
export const LEASE_MS = 4000;
/** Each test's bound: several processes share a contended machine (FerretDB is slow per write). */
const TEST_MS = 240_000;
const WRITES = 12;

/** The read store the processes share, opened by the test too (the workflows' leases). */
export type SharedStore = ReadModelStore & LeaseStore;

/** The position the workflows' reactions have completed, as stored. */
async function workflowCheckpoint(store: SharedStore): Promise<bigint> {
  const saved = await store.getCheckpoint('follow-ups');
  return (saved?.position ? parsePosition(saved.position) : null) ?? 0n;
}

interface Processes {
  apiA: HubProcess;
  apiB: HubProcess;
  projectors: HubProcess[];
  workflows: HubProcess[];
}

/**
 * api.md "Processes" on one DATA_DIR: two api processes, two projectors and two workflows
 * processes (one running, one standing by), as separate node processes. `env` picks the read
 * store; `openStore` opens it in the test too, to read the workflows' leases and checkpoint.
 */
export function describeProcesses(
  label: string,
  env: () => Record<string, string>,
  openStore: (dataDir: string) => Promise<SharedStore>,
  cleanUp: () => Promise<void> = async () => undefined,
): void {
  describe(`one DATA_DIR, several hub processes (${label})`, () => {
    let p: Processes;
    let store: SharedStore;
    const operator = () => p.apiA.token({ sub: 'ops-1', roles: ['Operator'], orgKind: 'provider' });
    const admin = (email: string) =>
      p.apiA.token({ sub: `u-${email}`, email, roles: [], orgKind: 'customer' });
    let agreementId: string;
    let sequence = 0;
    const written: { email: string; workspaceId: string }[] = [];

    /** Every process started, stopped after the tests even when a start failed. */
    const started: HubProcess[] = [];
    let dataDir: string;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'hub-processes-'));
      const base = { DATA_DIR: dataDir, LEASE_MS: String(LEASE_MS), ...env() };
      const start = async (...processes: [name: string, roles: string][]) => {
        const hubs = await HubProcess.startAll(
          processes.map(([name, roles]) => ({ name, env: { ...base, HUB_ROLES: roles } })),
        );
        started.push(...hubs);
        return hubs;
      };
      // The first projector and workflows process take the leases before the standbys start.
      const [apiA, apiB, projector1, workflows1] = await start(
        ['api-a', 'api'],
        ['api-b', 'api'],
        ['projector-1', 'projector'],
        ['workflows-1', 'workflows'],
      );
      const [projector2, workflows2] = await start(
        ['projector-2', 'projector'],
        ['workflows-2', 'workflows'],
      );
      const projectors = [projector1, projector2];
      const workflows = [workflows1, workflows2];
      p = { apiA, apiB, projectors, workflows };
      store = await openStore(dataDir);
      const activated = await activateAgreement(
        apiA,
        { orgId: 'org-processes', name: 'Processes Ltd' },
        { email: 'sa@processes.example', name: 'Sam Admin' },
      );
      agreementId = activated.agreementId;
    }, 300_000);

    afterAll(async () => {
      await store?.close();
      await Promise.all(started.map((hub) => hub.stop()));
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await cleanUp();
    }, 60_000);

    /** A workspace created through `writer`, its administrator invited by `email`. */
    async function createWorkspace(writer: HubProcess, email: string) {
      const created = await writer.call('POST', '/v1/workspaces', {
        token: csamToken(writer),
        body: { agreementId, name: email, purpose: 'p', administrator: { email, name: 'A' } },
      });
      if (created.status !== 201)
        throw new Error(`${writer.name} answered ${created.status}:\n${writer.output()}`);
      return created;
    }

    async function writeAndRead(writer: HubProcess, reader: HubProcess): Promise<void> {
      sequence += 1;
      const email = `admin-${sequence}@processes.example`;
      const created = await createWorkspace(writer, email);
      const read = await reader.call(
        'GET',
        `/v1/invitations?minPosition=${created.body.position}`,
        { token: admin(email) },
      );
      expect({ status: read.status, workspaces: workspacesIn(read.body) }).toEqual({
        status: 200,
        workspaces: [created.body.workspaceId],
      });
      written.push({ email, workspaceId: created.body.workspaceId });
    }

    const workspacesIn = (body: any): string[] =>
      (body?.invitations ?? []).map((i: { workspaceId: string }) => i.workspaceId);

    /** Every earlier write, read without minPosition through both api processes: never lost. */
    async function everyWriteStillAnswered(): Promise<void> {
      for (const api of [p.apiA, p.apiB])
        for (const { email, workspaceId } of written) {
          const read = await api.call('GET', '/v1/invitations', { token: admin(email) });
          expect({ status: read.status, workspaces: workspacesIn(read.body) }).toEqual({
            status: 200,
            workspaces: [workspaceId],
          });
        }
    }

    const projections = async (): Promise<any[]> => {
      const answer = await p.apiB.call('GET', '/v1/projections', { token: operator() });
      expect(answer.status).toBe(200);
      return answer.body.projections;
    };

    it(
      'answers every write through either api process exactly, across a rebuild, with no 5xx',
      async () => {
        const before = (await projections()).find((s) => s.name === 'access');
        for (let i = 0; i < WRITES; i += 1) {
          const [writer, reader] = i % 2 ? [p.apiB, p.apiA] : [p.apiA, p.apiB];
          await writeAndRead(writer, reader);
          if (i === WRITES / 2) {
            // Asked of an api process, which only records it: a projector performs it.
            const asked = await p.apiB.call('POST', '/v1/projections/access/rebuild', {
              token: operator(),
            });
            expect(asked.status).toBe(202);
          }
          await everyWriteStillAnswered();
        }
        const switched = await eventually(
          async () => {
            const access = (await projections()).find((s) => s.name === 'access');
            return access.generation === before.generation + 1 && !access.rebuild && access;
          },
          30_000,
          'the rebuilt generation to be active',
        );
        expect(p.projectors.some((projector) => projector.holds(switched.runBy?.holder))).toBe(
          true,
        );
        for (let i = 0; i < 4; i += 1)
          await writeAndRead(i % 2 ? p.apiA : p.apiB, i % 2 ? p.apiB : p.apiA);
        await everyWriteStillAnswered();
        // The api processes never ran a build: the projector holding the lease logged the switch.
        expect(p.projectors.some((projector) => projector.logged('access: queries switched'))).toBe(
          true,
        );
        expect([p.apiA, p.apiB].some((api) => api.logged('access_v'))).toBe(false);
      },
      TEST_MS,
    );

    it(
      'runs each projection in one projector at a time; a standby takes over from a SIGKILLed one',
      async () => {
        const runBy = async () => (await projections()).map((s) => s.runBy?.holder as string);
        const holders = await runBy();
        // Two projectors at once: each projection held by exactly one of them (so applied once).
        for (const holder of holders)
          expect(p.projectors.filter((projector) => projector.holds(holder))).toHaveLength(1);
        // ...and the other one never applied it, unless it held the lease once and logged losing it
        // (a lapse on a slow machine): never two at once.
        for (const { name, runBy } of await projections()) {
          const started = new RegExp(`"msg":"${name.replace(/-/g, '_')}_v\\d+: build started`);
          for (const other of p.projectors.filter((pr) => !pr.holds(runBy?.holder)))
            if (other.lines.some((line) => started.test(line)))
              expect(other.logged(`${name}: lease lost to another process`)).toBe(true);
        }
        const [victim, standby] = p.projectors[0].holds(holders[0])
          ? p.projectors
          : [...p.projectors].reverse();
        await victim.kill();
        const killedAt = Date.now();
        await eventually(
          async () => (await runBy()).every((holder) => standby.holds(holder)),
          3 * LEASE_MS + 10_000,
          'the standby to hold every projection',
        );
        const tookOver = Date.now() - killedAt;
        console.log(`${label}: the standby projector took over ${tookOver} ms after the SIGKILL`);
        for (let i = 0; i < 4; i += 1)
          await writeAndRead(i % 2 ? p.apiA : p.apiB, i % 2 ? p.apiB : p.apiA);
        await everyWriteStillAnswered();
      },
      TEST_MS,
    );

    it(
      'runs the workflows in one process at a time; a standby takes over from a SIGKILLed one',
      async () => {
        const workflowHolders = async () =>
          (await store.listLeases()).filter((lease) => lease.name.startsWith('workflow:'));
        const leases = await eventually(async () => {
          const held = await workflowHolders();
          return held.length === 2 && held;
        });
        const victim = p.workflows.find((w) => w.holds(leases[0].holder))!;
        const standby = p.workflows.find((w) => w !== victim)!;
        await victim.kill();
        await eventually(
          async () => (await workflowHolders()).every((lease) => standby.holds(lease.holder)),
          3 * LEASE_MS + 10_000,
          'the standby to hold the workflows',
        );
        // The standby reacts to what is recorded from now on: its checkpoint moves past a new write.
        const before = await workflowCheckpoint(store);
        await createWorkspace(p.apiA, 'after@processes.example');
        await eventually(
          async () => (await workflowCheckpoint(store)) > before,
          10_000,
          'the standby workflows to pass the new write',
        );
      },
      TEST_MS,
    );
  });
}
