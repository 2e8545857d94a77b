import { sameInstance } from '../../../db/repositories/same-instance';

// Repositories hand back the object read before when its content is unchanged, so what the domain
// compiled from it (calendars, classification lexicons; WeakMap caches) is reused from job to job.

test('the same content read twice is the same object; other content is another', () => {
  // given
  const first = sameInstance('test-kind', { id: 'cn', holidays: [{ from: '2026-10-01' }] });
  // when
  const again = sameInstance('test-kind', { id: 'cn', holidays: [{ from: '2026-10-01' }] });
  const changed = sameInstance('test-kind', { id: 'cn', holidays: [{ from: '2026-10-02' }] });
  // then
  expect(again).toBe(first);
  expect(changed).not.toBe(first);
  expect(changed.holidays[0].from).toBe('2026-10-02');
});

test('kinds are kept apart', () => {
  const calendar = sameInstance('kind-a', { v: 1 });
  expect(sameInstance('kind-b', { v: 1 })).not.toBe(calendar);
});
