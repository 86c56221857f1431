import { TestBed } from '@angular/core/testing';
import { CustomerMergeApi } from './customer-merge-api';
import { matchesOf, rankDuplicates } from './customer-merge';
import { CustomerMergeStore } from './customer-merge-store';
import { duplicate, FakeCustomerMergeApi } from './testing/merge-fixtures';

function setup() {
  const api = new FakeCustomerMergeApi();
  TestBed.configureTestingModule({
    providers: [CustomerMergeStore, { provide: CustomerMergeApi, useValue: api }],
  });
  return { store: TestBed.inject(CustomerMergeStore), api };
}

describe('matchesOf', () => {
  it('lists the shared phones, then e-mails, then the ID number', () => {
    const found = duplicate('d1', {
      reasons: ['phone', 'email', 'idNumber'],
      matchedPhones: ['+8613800138000'],
      matchedEmails: ['Wang@Example.com'],
      matchedIdNumber: '110***********1234',
    });
    expect(matchesOf(found)).toEqual([
      { reason: 'phone', value: '+8613800138000' },
      { reason: 'email', value: 'Wang@Example.com' },
      { reason: 'idNumber', value: '110***********1234' },
    ]);
  });

  it('leaves out an ID number that does not match', () => {
    expect(matchesOf(duplicate('d1')).map((m) => m.reason)).toEqual(['phone']);
  });
});

describe('rankDuplicates', () => {
  it('puts customers sharing more first, an ID number before a phone, ties in server order', () => {
    const ranked = rankDuplicates([
      duplicate('phone-1'),
      duplicate('email', { reasons: ['email'] }),
      duplicate('id', { reasons: ['idNumber'] }),
      duplicate('both', { reasons: ['phone', 'email'] }),
    ]);
    expect(ranked.map((d) => d.id)).toEqual(['both', 'id', 'phone-1', 'email']);
  });
});

describe('CustomerMergeStore', () => {
  it('loads a customer’s possible duplicates and what was merged into it', () => {
    const { store, api } = setup();
    api.duplicateList = [duplicate('d1'), duplicate('d2', { reasons: ['phone', 'email'] })];
    store.load('c7');
    expect(api.reads).toEqual(['c7']);
    expect(store.duplicates().map((d) => d.id)).toEqual(['d2', 'd1']);
    expect(store.merges()).toEqual([]);
    expect(store.loading()).toBe(false);
  });

  it('merges a duplicate, answers the kept customer and reads both lists again', async () => {
    const { store, api } = setup();
    api.duplicateList = [duplicate('d1'), duplicate('d2')];
    store.load('c7');
    const outcome = await store.merge(store.duplicates()[0]);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.value.tags).toEqual(['vip', 'merged']);
    expect(api.merged).toEqual([{ customerId: 'c7', duplicateId: 'd1' }]);
    expect(store.duplicates().map((d) => d.id)).toEqual(['d2']);
    expect(store.merges().map((m) => [m.name, m.mergedByName])).toEqual([['王晓明', 'Ada']]);
    expect(api.reads).toEqual(['c7', 'c7']);
  });

  it('keeps the duplicate listed when the merge is refused', async () => {
    const { store, api } = setup();
    api.duplicateList = [duplicate('d1')];
    api.failWith = 404;
    store.load('c7');
    const outcome = await store.merge(store.duplicates()[0]);
    expect(outcome.ok).toBe(false);
    expect(store.duplicates().map((d) => d.id)).toEqual(['d1']);
    expect(store.saveError()?.status).toBe(404);
  });
});
