import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { TeamsApi } from '../../teams/teams-api';
import { CustomersApi } from '../customers-api';
import { customField } from '../testing/customer-fixtures';
import { CareApi } from './care-api';
import { formValueOf, toRuleInput } from './care-rule-form';
import { CareRulesStore } from './care-rules-store';
import { careRule, FakeCareApi } from './testing/care-fixtures';

function setup() {
  const api = new FakeCareApi();
  const teams = {
    list: () =>
      of([{ id: 'team-1', name: 'Care desk', description: null, supervisors: [], memberCount: 2 }]),
  };
  const customers = {
    fields: () =>
      of([customField('birthday', { type: 'date' }), customField('tier', { type: 'choice' })]),
  };
  TestBed.configureTestingModule({
    providers: [
      CareRulesStore,
      { provide: CareApi, useValue: api },
      { provide: TeamsApi, useValue: teams },
      { provide: CustomersApi, useValue: customers },
    ],
  });
  const store = TestBed.inject(CareRulesStore);
  TestBed.tick();
  return { store, api };
}

describe('CareRulesStore', () => {
  it('lists the rules and offers the teams and only the date fields', () => {
    const { store } = setup();
    expect(store.rules().map((r) => r.name)).toEqual(['Birthday greetings', 'Monthly call']);
    expect(store.teams().map((t) => t.name)).toEqual(['Care desk']);
    expect(store.dateFields().map((f) => f.key)).toEqual(['birthday']);
  });

  it('adds a new rule and closes the drawer', async () => {
    const { store, api } = setup();
    store.openCreate();
    const body = toRuleInput({ ...formValueOf(null), name: 'Birthdays', fieldKey: 'birthday' });
    const outcome = await store.save(null, body);
    expect(outcome.ok).toBe(true);
    expect(api.ruleBodies.at(-1)).toMatchObject({
      kind: 'anniversary',
      fieldKey: 'birthday',
      intervalDays: null,
    });
    expect(store.rules().map((r) => r.id)).toContain('rule-new');
    expect(store.drawerOpen()).toBe(false);
  });

  it('never sends the kind of an existing rule', async () => {
    const { store, api } = setup();
    const rule = careRule('rule-1');
    store.openEdit(rule);
    await store.save(rule.id, toRuleInput({ ...formValueOf(rule), name: 'Greetings' }));
    expect(api.ruleBodies.at(-1)).not.toHaveProperty('kind');
    expect(store.rules().find((r) => r.id === 'rule-1')?.name).toBe('Greetings');
  });

  it('keeps the drawer open with the field errors when the server refuses', async () => {
    const { store } = setup();
    store.openCreate();
    const outcome = await store.save(null, toRuleInput(formValueOf(null)));
    expect(outcome.ok).toBe(false);
    expect(store.drawerOpen()).toBe(true);
    expect(store.saveError()?.fieldErrors[0].field).toBe('name');
  });

  it('pauses a rule and removes one', async () => {
    const { store, api } = setup();
    await store.setActive(store.rules()[1], false);
    expect(store.rules()[1].active).toBe(false);
    await store.remove(store.rules()[0]);
    expect(api.calls).toContainEqual({ action: 'removeRule', id: 'rule-1' });
    expect(store.rules().map((r) => r.id)).toEqual(['rule-2']);
  });
});
