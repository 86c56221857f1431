import { CallSnapshot } from '../shared/api/acd-models';
import { supervisionNotice } from './supervision-notice';

const call = (supervisors: CallSnapshot['supervisors']): CallSnapshot => ({
  id: 'c-1',
  direction: 'inbound',
  channel: 'voice',
  status: 'connected',
  ani: null,
  dnis: null,
  queueId: null,
  agentId: 'u-1',
  createdAt: null,
  queuedAt: null,
  offeredAt: null,
  answeredAt: null,
  endedAt: null,
  endReason: null,
  supervisors,
});

describe('supervision notice', () => {
  it('tells the agent who listens', () => {
    const zhao = { userId: 's-1', displayName: 'Zhao Supervisor', mode: 'monitor' } as const;
    expect(supervisionNotice(call([zhao]))).toEqual({ mode: 'monitor', supervisors: [zhao] });
  });

  it('leads with the most present supervisor', () => {
    const notice = supervisionNotice(
      call([
        { userId: 's-1', displayName: 'Zhao', mode: 'monitor' },
        { userId: 's-2', displayName: 'Qian', mode: 'barge' },
        { userId: 's-3', displayName: 'Sun', mode: 'whisper' },
      ]),
    );
    expect(notice?.mode).toBe('barge');
    expect(notice?.supervisors.map((s) => s.displayName)).toEqual(['Qian', 'Sun', 'Zhao']);
  });

  it('says nothing when nobody supervises or the tenant does not tell agents', () => {
    expect(supervisionNotice(call([]))).toBeNull();
    expect(supervisionNotice(call(undefined))).toBeNull();
    expect(supervisionNotice(null)).toBeNull();
  });
});
