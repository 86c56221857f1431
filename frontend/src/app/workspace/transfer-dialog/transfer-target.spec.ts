import { transferTarget } from './transfer-target';

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
