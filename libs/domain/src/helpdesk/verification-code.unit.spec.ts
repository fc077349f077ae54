import { hashCode, sameHash } from './verification-code';

// Issue 18 item 5: the hash ran synchronously on the event loop (4 clients raised /health latency
// from 1.4 to 64 ms). Off the loop, a callback queued before the hash runs before it resolves.
describe('hashCode', () => {
  it('hashes on the thread pool: the event loop turns while a code is hashed', async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    const hash = await hashCode('123456', 'salt-1');
    expect(turned).toBe(true);
    expect(sameHash(await hashCode('123456', 'salt-1'), hash)).toBe(true);
    expect(sameHash(await hashCode('123457', 'salt-1'), hash)).toBe(false);
  });
});
