import { GlobalPosition, RecordedEvent } from '../event-store.port';
import { Upcasters } from './upcasters';

function stored(type: string, schemaVersion: number, data: Record<string, unknown>): RecordedEvent {
  return {
    type,
    data,
    metadata: {
      eventId: 'e-1',
      schemaVersion,
      correlationId: 'c',
      causationId: 'c',
      actor: { userId: 'u', roles: [] },
      source: 'api',
      occurredAt: '2024-05-01T10:00:00.000Z',
    },
    streamName: 's-1',
    revision: 0,
    position: 1n as GlobalPosition,
    recordedAt: '2024-05-01T10:00:00.000Z',
  };
}

describe('Upcasters', () => {
  const upcasters = new Upcasters({
    Renamed: [
      ({ fullName, ...rest }) => ({ ...rest, name: fullName }),
      (data) => ({ ...data, active: true }),
    ],
  });

  it('runs every step from the stored version to the current one, in order', () => {
    const v1 = upcasters.upcast(stored('Renamed', 1, { fullName: 'Ann', n: 1 }));
    expect(v1.data).toEqual({ name: 'Ann', n: 1, active: true });
    expect(v1.metadata.schemaVersion).toBe(3);
    const v2 = upcasters.upcast(stored('Renamed', 2, { name: 'Bo', n: 2 }));
    expect(v2.data).toEqual({ name: 'Bo', n: 2, active: true });
  });

  it('leaves current events, and types that never changed, as they are', () => {
    const current = stored('Renamed', 3, { name: 'Cy', active: false });
    expect(upcasters.upcast(current)).toBe(current);
    const other = stored('Other', 1, { x: 1 });
    expect(upcasters.upcastAll([other])[0]).toBe(other);
  });

  it('names the version each type is written at', () => {
    expect(upcasters.currentVersion('Renamed')).toBe(3);
    expect(upcasters.currentVersion('Other')).toBe(1);
  });
});
