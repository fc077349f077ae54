// bench:http's baseline: a bare Fastify server doing the hub's storage work and nothing else
// (no token, no validation, no decision, no projection): `http-baseline-storage.ts`.
// `node dist/bench/http-baseline-server.js <dir> <port> <balances>`.
import Fastify from 'fastify';
import { openBaselineStorage } from './http-baseline-storage';

const [dir, port, balances] = process.argv.slice(2);
const storage = openBaselineStorage(dir, Number(balances));

const app = Fastify();
app.get('/health/live', async () => ({ status: 'up' }));
app.post('/v1/consumption', async (request, reply) => {
  const body = request.body as Record<string, unknown>;
  try {
    const position = await storage.append(body);
    return await reply
      .code(201)
      .send({ consumptionId: body.consumptionId, position: String(position) });
  } catch {
    return reply.code(500).send({ code: 'failed' });
  }
});
app.get('/v1/customer-activity', async () => storage.customerActivity());
app.listen({ port: Number(port), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
