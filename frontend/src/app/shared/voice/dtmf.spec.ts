import { DTMF_KEYS, dtmfCode, isDtmfDigit } from './dtmf';
import { roleOfIdentity } from './voice-models';

describe('DTMF keys', () => {
  it('sends digits as their own code', () => {
    expect(['0', '1', '5', '9'].map((d) => dtmfCode(d as '0'))).toEqual([0, 1, 5, 9]);
  });

  it('sends star as 10 and hash as 11', () => {
    expect(dtmfCode('*')).toBe(10);
    expect(dtmfCode('#')).toBe(11);
  });

  it('lays out twelve keys in keypad order', () => {
    expect(DTMF_KEYS.join('')).toBe('123456789*0#');
  });

  it('accepts only single keypad keys', () => {
    expect(isDtmfDigit('#')).toBe(true);
    expect(isDtmfDigit('A')).toBe(false);
    expect(isDtmfDigit('12')).toBe(false);
  });
});

describe('call-room identities', () => {
  it('names the role behind each prefix', () => {
    expect(['c:1', 'a:2', 's:3', 'bot:4', 'x'].map(roleOfIdentity)).toEqual([
      'customer',
      'agent',
      'supervisor',
      'bot',
      'other',
    ]);
  });
});
