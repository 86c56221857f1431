import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { categoryGroup, FakeClassificationApi } from '../testing/classification-fixtures';
import { CategoryGroupsStore, exclusiveSelection } from './category-groups-store';
import { ClassificationApi } from './classification-api';

function setup() {
  const api = new FakeClassificationApi();
  TestBed.configureTestingModule({
    providers: [CategoryGroupsStore, { provide: ClassificationApi, useValue: api }],
  });
  const store = TestBed.inject(CategoryGroupsStore);
  TestBed.tick();
  return { store, api };
}

describe('CategoryGroupsStore', () => {
  it('loads the groups in their order and finds every value by id', () => {
    const { store } = setup();
    expect(store.groups().map((g) => g.id)).toEqual(['grade', 'vip']);
    expect(store.valueById().get('b')?.group.id).toBe('grade');
    expect(store.valueById().get('gold')?.value.name).toBe('GOLD');
  });

  it('creates a group with its first values and puts it in its place', async () => {
    const { store, api } = setup();
    const outcome = await store.saveGroup(null, {
      name: 'Industry',
      description: null,
      exclusive: false,
      position: 0,
      values: [{ name: 'IT' }],
    });
    expect(outcome.ok).toBe(true);
    expect(api.calls[0]).toEqual([
      'createGroup',
      {
        name: 'Industry',
        description: null,
        exclusive: false,
        position: 0,
        values: [{ name: 'IT' }],
      },
    ]);
    expect(store.groups().map((g) => g.name)).toEqual(['Industry', 'grade', 'vip']);
  });

  it('never sends values when it changes a group', async () => {
    const { store, api } = setup();
    await store.saveGroup('grade', {
      name: 'Grade',
      description: 'Worth',
      exclusive: true,
      values: [{ name: 'X' }],
    });
    expect(api.calls[0]).toEqual([
      'updateGroup',
      'grade',
      { name: 'Grade', description: 'Worth', exclusive: true },
    ]);
    expect(store.groups().find((g) => g.id === 'grade')?.name).toBe('Grade');
  });

  it('adds, moves and removes values inside their group', async () => {
    const { store } = setup();
    await store.saveValue('grade', null, { name: 'D', colour: '#00aa00' });
    expect(store.groups()[0].values.map((v) => v.name)).toEqual(['A', 'B', 'C', 'D']);
    await store.saveValue('grade', 'a', { name: 'A', colour: '#f5222d', position: 20 });
    expect(store.groups()[0].values.map((v) => v.name)).toEqual(['B', 'C', 'D', 'A']);
    await store.removeValue(store.groups()[0].values[0]);
    expect(store.groups()[0].values.map((v) => v.name)).toEqual(['C', 'D', 'A']);
    await store.removeGroup(store.groups()[1]);
    expect(store.groups().map((g) => g.id)).toEqual(['grade']);
  });

  it('keeps the list as it was when the server refuses', async () => {
    const { store, api } = setup();
    api.failNext = new HttpErrorResponse({
      status: 422,
      error: { errors: [{ field: 'name', rule: 'unique', message: 'taken' }] },
    });
    const outcome = await store.saveGroup(null, {
      name: 'grade',
      description: null,
      exclusive: false,
    });
    expect(outcome.ok).toBe(false);
    expect(store.saveError()?.fieldErrors[0].field).toBe('name');
    expect(store.groups()).toHaveLength(2);
  });

  it("gives a customer its values and answers the customer's new categories", async () => {
    const { store, api } = setup();
    const outcome = await store.assign({ id: 'c1' }, ['a', 'gold']);
    expect(api.calls[0]).toEqual(['setCustomerCategories', 'c1', ['a', 'gold']]);
    expect(outcome.ok && outcome.value.categories.map((c) => `${c.groupName}:${c.name}`)).toEqual([
      'grade:A',
      'vip:GOLD',
    ]);
  });
});

describe('exclusiveSelection', () => {
  const groups = [
    categoryGroup('grade', ['a', 'b'], { exclusive: true }),
    categoryGroup('industry', ['it', 'retail']),
  ];

  it('replaces the value of an exclusive group with the one picked last', () => {
    expect(exclusiveSelection(['a', 'it'], ['a', 'it', 'b'], groups)).toEqual(['it', 'b']);
  });

  it('keeps several values of a group that is not exclusive', () => {
    expect(exclusiveSelection(['it'], ['it', 'retail'], groups)).toEqual(['it', 'retail']);
  });

  it('lets values go', () => {
    expect(exclusiveSelection(['a', 'it'], ['it'], groups)).toEqual(['it']);
  });
});
