import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './hub-config';

// SNAPSHOT_EVERY_EVENTS: unset leaves the interval to the runner (its default depends on the
// read store), 0 turns snapshots off, anything else must be a whole number.
describe('SNAPSHOT_EVERY_EVENTS', () => {
  const base = {
    HUB_JWT_SECRET: 'snapshot-config-secret-snapshot-config',
    HUB_MASTER_KEY: randomBytes(32).toString('base64'),
  };

  it('is left to the runner when unset', () => {
    expect(loadConfig(base).snapshotEvery).toBeUndefined();
  });

  it('takes 0 (never) and any positive whole number', () => {
    expect(loadConfig({ ...base, SNAPSHOT_EVERY_EVENTS: '0' }).snapshotEvery).toBe(0);
    expect(loadConfig({ ...base, SNAPSHOT_EVERY_EVENTS: '10000' }).snapshotEvery).toBe(10_000);
  });

  it.each(['-1', '2.5', 'often'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, SNAPSHOT_EVERY_EVENTS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SNAPSHOT_EVERY_EVENTS: value })).toThrow(
      /SNAPSHOT_EVERY_EVENTS/,
    );
  });
});
