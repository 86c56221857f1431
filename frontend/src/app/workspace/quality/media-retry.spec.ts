import { MEDIA_RETRIES, retryDelayMs } from './media-retry';

describe('media retry backoff', () => {
  it('doubles the wait up to a ceiling, a bounded number of times', () => {
    expect([0, 1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
    expect(MEDIA_RETRIES).toBe(5);
  });
});
