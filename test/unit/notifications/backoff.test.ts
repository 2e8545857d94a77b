import { DEFAULT_BACKOFF, retryDelayMs } from '../../../notifications/backoff';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('retryDelayMs', () => {
  test('the wait doubles with each failed attempt (no jitter drawn: random = 1)', () => {
    // when
    const waits = [1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, policy, 1));
    // then
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  test('jitter takes off at most half: random = 0 gives half the exponential wait', () => {
    // when
    const wait = retryDelayMs(3, policy, 0);
    // then
    expect(wait).toBe(2_000);
  });

  test('jitter is proportional to the random draw', () => {
    // when
    const wait = retryDelayMs(3, policy, 0.5);
    // then
    expect(wait).toBe(3_000);
  });

  test('the wait never exceeds the maximum', () => {
    // when
    const wait = retryDelayMs(20, policy, 1);
    // then
    expect(wait).toBe(60_000);
  });

  test('a longer Retry-After from the receiver is honoured, up to the maximum', () => {
    // when
    const honoured = retryDelayMs(1, policy, 1, 30_000);
    const capped = retryDelayMs(1, policy, 1, 3_600_000);
    const shorter = retryDelayMs(4, policy, 1, 10);
    // then
    expect([honoured, capped, shorter]).toEqual([30_000, 60_000, 8_000]);
  });

  test('by default, 8 attempts spread over about two hours', () => {
    // when
    const total = [1, 2, 3, 4, 5, 6, 7].reduce((sum, n) => sum + retryDelayMs(n, DEFAULT_BACKOFF, 1), 0);
    // then
    expect(total).toBe((1 + 2 + 4 + 8 + 16 + 32 + 60) * 60_000);
  });
});
