import { eventually } from '@hub/testing/eventually';
import { Fixtures } from './hub.fixtures';
import { TestHub } from './test-hub';
import { HUB_METRICS, HubMetrics } from '@hub/runtime/observability/hub-metrics';
import { startedHub } from './started-hub';

describe('/health/live, /health/ready and /metrics', () => {
  const { hub, f } = startedHub();

  it('answers the probes and the scrape outside /v1 and never throttles them', async () => {
    // Two requests a second per client: the probes must still answer every time.
    const throttling = await TestHub.start({ THROTTLE_PER_SECOND: '2' });
    try {
      for (let i = 0; i < 6; i += 1) {
        expect((await throttling.call('GET', '/health/live')).body).toEqual({ status: 'up' });
        // 200, or 503 while a Kafka consumer (KAFKA_BROKERS set) waits for partitions: never 429.
        expect([200, 503]).toContain((await throttling.call('GET', '/health/ready')).status);
        expect((await throttling.call('GET', '/metrics')).status).toBe(200);
      }
      const token = new Fixtures(throttling).csam;
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => throttling.call('GET', '/v1/projections', { token })),
      );
      expect(answers.map((r) => r.status)).toContain(429);
    } finally {
      await throttling.stop();
    }
  });

  it('answers 503 from /health/ready naming the projection that is too far behind', async () => {
    const metrics = hub.app.get<HubMetrics>(HUB_METRICS);
    const restore = metrics.registerLagSources({
      projections: async () => [{ projection: 'customer-activity', events: 5000, seconds: 12 }],
    });
    try {
      const ready = await hub.call('GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'not_ready', code: 'not_ready' });
      expect(ready.body.notReady).toContain(
        'projection customer-activity: 5000 events behind (more than 1000)',
      );
      expect((await hub.call('GET', '/health/live')).status).toBe(200);
      const scrape = String((await hub.call('GET', '/metrics')).body);
      expect(scrape).toContain('hub_projection_lag_events{projection="customer-activity"} 5000');
      expect(scrape).toContain('hub_projection_lag_seconds{projection="customer-activity"} 12');
    } finally {
      restore();
    }
  });

  it('reports each projection lag from the runner, in events and seconds, back to 0 once applied', async () => {
    await f.customer();
    const lags = async () => {
      const scrape = String((await hub.call('GET', '/metrics')).body);
      const pattern = /^hub_projection_lag_(events|seconds)\{projection="([a-z-]+)"\} (\S+)$/gm;
      return [...scrape.matchAll(pattern)].map(([, unit, projection, value]) => ({
        unit,
        projection,
        value,
      }));
    };
    await eventually(
      async () => (await lags()).every(({ value }) => value === '0'),
      10_000,
      'every projection caught up',
    );
    const reported = await lags();
    expect(reported.filter(({ unit }) => unit === 'events').length).toBeGreaterThan(3);
    expect(reported.filter(({ unit }) => unit === 'seconds').length).toBeGreaterThan(3);
  });

  it('exposes command, append and HTTP timings by route, commands by outcome and process metrics', async () => {
    const customer = await f.customer();
    const refused = await hub.call('POST', '/v1/packages/no-such-package/withdraw', {
      token: f.csam,
      body: { reason: 'x' },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const scrape = String((await hub.call('GET', '/metrics')).body);
    expect(customer.agreementId).toBeTruthy();
    expect(scrape).toMatch(
      /hub_commands_total\{command="[A-Za-z]+\.[A-Za-z]+",outcome="accepted"\} [1-9]/,
    );
    expect(scrape).toMatch(
      /hub_commands_total\{command="[A-Za-z]+\.[A-Za-z]+",outcome="refused"\} [1-9]/,
    );
    expect(scrape).toMatch(/hub_command_duration_seconds_count\{command="[A-Za-z.]+"\} [1-9]/);
    expect(scrape).toMatch(
      /hub_event_append_duration_seconds_count\{streams="(one|several)"\} [1-9]/,
    );
    expect(scrape).toContain(
      'hub_http_request_duration_seconds_count{method="POST",route="/v1/packages/:packageId/withdraw"',
    );
    expect(scrape).toContain('process_cpu_seconds_total');
    expect(scrape).toContain('nodejs_eventloop_lag_seconds');
  });
});
