import { roleOfIdentity, sameListeners } from './voice-models';

describe('voice models', () => {
  it('tells whether two listener choices let the same identities hear', () => {
    expect(sameListeners('everyone', 'everyone')).toBe(true);
    expect(sameListeners(['a:u-1', 'a:u-2'], ['a:u-2', 'a:u-1'])).toBe(true);
    expect(sameListeners(['a:u-1'], 'everyone')).toBe(false);
    expect(sameListeners(['a:u-1'], ['a:u-2'])).toBe(false);
    expect(sameListeners([], ['a:u-1'])).toBe(false);
  });

  it('reads the role from a call-room identity', () => {
    expect(roleOfIdentity('a:u-1')).toBe('agent');
    expect(roleOfIdentity('bot:c-1')).toBe('bot');
  });
});
