import { phoneNumber, transferTarget } from './transfer-target';

describe('transfer target', () => {
  it('names the agent or queue picked', () => {
    expect(transferTarget('agent', 'u-2')).toEqual({ target: 'agent', userId: 'u-2' });
    expect(transferTarget('queue', 'q-1')).toEqual({ target: 'queue', queueId: 'q-1' });
  });

  it('sends a typed number without its spaces and dashes', () => {
    expect(transferTarget('number', ' +86 138-0013 8000 ')).toEqual({
      target: 'number',
      number: '+8613800138000',
    });
  });

  it('is incomplete without a pick or with something that is not a number', () => {
    expect(transferTarget('agent', null)).toBeNull();
    expect(transferTarget('number', '')).toBeNull();
    expect(transferTarget('number', 'call me')).toBeNull();
  });
});

describe('phone number', () => {
  it('keeps the digits and a leading + of what was typed', () => {
    expect(phoneNumber(' 010-8888 (6666) ')).toBe('01088886666');
    expect(phoneNumber('+86 138.0013.8000')).toBe('+8613800138000');
  });

  it('is null for empty or non-numeric text', () => {
    expect(phoneNumber('')).toBeNull();
    expect(phoneNumber(null)).toBeNull();
    expect(phoneNumber('sales')).toBeNull();
    expect(phoneNumber('(010) 8888')).toBeNull();
    expect(phoneNumber('1')).toBeNull();
  });
});
