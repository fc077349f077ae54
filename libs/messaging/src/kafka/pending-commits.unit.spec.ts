import { OffsetsByTopicPartition } from 'kafkajs';
import { PendingCommits } from './pending-commits';

describe('PendingCommits', () => {
  let now = 0;
  let commits: OffsetsByTopicPartition[];
  let pending: PendingCommits;
  beforeEach(() => {
    now = 1_000;
    commits = [];
    pending = new PendingCommits(
      't',
      3,
      { everyMessages: 3, everyMs: 1_000 },
      async (offsets) => void commits.push(offsets),
      () => now,
    );
  });
  const committed = () => commits.map((c) => c.topics[0].partitions[0].offset);

  it('commits the offset after the last handled message once the count is reached', async () => {
    for (const offset of ['10', '11']) {
      pending.handled(offset);
      await pending.commitIfDue();
    }
    expect(commits).toEqual([]);
    pending.handled('12');
    await pending.commitIfDue();
    expect(commits).toEqual([
      { topics: [{ topic: 't', partitions: [{ partition: 3, offset: '13' }] }] },
    ]);
  });

  it('commits by age whatever the count, and never with nothing handled', async () => {
    now += 5_000;
    expect(pending.due()).toBe(false);
    await pending.flush();
    expect(commits).toEqual([]);
    pending.handled('7');
    await pending.commitIfDue();
    expect(committed()).toEqual(['8']);
    pending.handled('8');
    now += 999;
    await pending.commitIfDue();
    expect(committed()).toEqual(['8']);
    now += 1;
    await pending.commitIfDue();
    expect(committed()).toEqual(['8', '9']);
  });

  it('keeps a failed commit pending for the next flush', async () => {
    const failing = new PendingCommits('t', 0, { everyMessages: 1, everyMs: 1_000 }, async () => {
      throw new Error('coordinator away');
    });
    failing.handled('4');
    await expect(failing.flush()).rejects.toThrow('coordinator away');
    expect(failing.due()).toBe(true);
  });
});
