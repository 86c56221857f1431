import { browserStorage } from './browser-storage';

describe('browser storage', () => {
  it('is localStorage where the browser allows it', () => {
    expect(browserStorage()).toBe(localStorage);
  });

  it('falls back to page memory where the browser denies storage (a third-party frame)', () => {
    const denied = (): Storage => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    const storage = browserStorage(denied);
    expect(storage).not.toBe(localStorage);
    storage.setItem('cc.test', 'kept');
    expect(browserStorage(denied).getItem('cc.test')).toBe('kept');
    expect(localStorage.getItem('cc.test')).toBeNull();
    storage.removeItem('cc.test');
    expect(browserStorage(denied).getItem('cc.test')).toBeNull();
  });
});
