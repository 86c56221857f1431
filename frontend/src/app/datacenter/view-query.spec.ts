import { DEFAULT_FILTERS, fromViewQuery, toViewQuery } from './view-query';

const Q1 = '11111111-1111-4111-8111-111111111111';
const Q2 = '22222222-2222-4222-8222-222222222222';
const A1 = '33333333-3333-4333-8333-333333333333';

describe('the view in the URL query', () => {
  it('round-trips a preset with queue and agent filters', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      preset: 'this_month' as const,
      queueIds: [Q1, Q2],
      agentIds: [A1],
    };
    const query = toViewQuery(filters);
    expect(query).toMatchObject({
      range: 'this_month',
      queues: `${Q1},${Q2}`,
      agents: A1,
      from: null,
    });
    expect(fromViewQuery(query)).toEqual({ filters, reportId: null });
  });

  it('round-trips custom days and the opened report', () => {
    const filters = {
      preset: null,
      fromDate: '2026-11-01',
      toDate: '2026-11-15',
      queueIds: [],
      agentIds: [],
    };
    const query = toViewQuery(filters, Q2);
    expect(query).toMatchObject({
      range: 'custom',
      from: '2026-11-01',
      to: '2026-11-15',
      report: Q2,
      queues: null,
    });
    expect(fromViewQuery(query)).toEqual({ filters, reportId: Q2 });
  });

  it('falls back to the defaults on broken values', () => {
    const { filters, reportId } = fromViewQuery({
      range: 'custom',
      from: 'yesterday',
      to: '2026-11-15',
      queues: `${Q1},not-an-id,${Q1}`,
      report: 'x',
    });
    expect(filters).toEqual({ ...DEFAULT_FILTERS, queueIds: [Q1] });
    expect(reportId).toBeNull();
    expect(fromViewQuery({ range: 'forever' }).filters).toEqual(DEFAULT_FILTERS);
  });
});
