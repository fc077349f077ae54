import { IdleProbe } from './idle-probe';

describe('IdleProbe', () => {
  it('waits the base time while the log moves', () => {
    const probe = new IdleProbe(25);
    probe.probed(true);
    expect(probe.ms).toBe(25);
  });

  it('doubles its wait while the log stands still, up to 8 times the base, and drops back when it moves', () => {
    const probe = new IdleProbe(25);
    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      probe.probed(false);
      waits.push(probe.ms);
    }
    expect(waits).toEqual([50, 100, 200, 200, 200]);
    probe.arrived();
    expect(probe.ms).toBe(25);
  });

  it('probes at once when asked, until a probe answers the request', () => {
    const probe = new IdleProbe(25);
    probe.probed(false);
    probe.request();
    probe.arrived();
    expect(probe.ms).toBe(0);
    probe.probed(false);
    expect(probe.ms).toBe(50);
  });
});
