import {
  newKindDefaults,
  CareRuleFormValue,
  defaultsFor,
  formValueOf,
  previewTitle,
  toRuleInput,
  unknownPlaceholders,
} from './care-rule-form';
import { careRule } from './testing/care-fixtures';

const periodic: CareRuleFormValue = {
  ...formValueOf(null),
  name: '  Monthly call ',
  kind: 'periodic',
  fieldKey: 'birthday',
  daysBefore: 3,
  intervalDays: 30,
  tag: ' vip ',
};

describe('care rule form', () => {
  it('sends only the kind’s own settings, the others as null, trimmed', () => {
    expect(toRuleInput(periodic)).toMatchObject({
      name: 'Monthly call',
      kind: 'periodic',
      fieldKey: null,
      daysBefore: null,
      intervalDays: 30,
      tag: 'vip',
    });
  });

  it('sends an empty tag as no tag', () => {
    expect(toRuleInput({ ...periodic, tag: '  ' }).tag).toBeNull();
  });

  it('starts a new rule with the defaults of an anniversary for the owner', () => {
    expect(formValueOf(null)).toMatchObject({
      kind: 'anniversary',
      assignee: 'owner',
      active: true,
      ...defaultsFor('anniversary'),
    });
  });

  it('edits a rule with its values', () => {
    expect(formValueOf(careRule('r', { tag: null }))).toMatchObject({
      fieldKey: 'birthday',
      daysBefore: 3,
      tag: '',
    });
  });

  it('switching a new rule’s kind keeps a title the user wrote and fills only empty settings', () => {
    const start = formValueOf(null);
    expect(newKindDefaults('periodic', start)).toEqual(defaultsFor('periodic'));
    const custom = { ...start, titleTemplate: 'Call {name} about the renewal', intervalDays: 90 };
    expect(newKindDefaults('periodic', custom)).toEqual({});
  });

  it('previews a title and finds unknown placeholders', () => {
    expect(
      previewTitle('Happy {years}th, {name}! ({date})', {
        name: '王小明',
        date: '2026-05-20',
        years: 30,
      }),
    ).toBe('Happy 30th, 王小明! (2026-05-20)');
    expect(unknownPlaceholders('Hi {name} {customer}')).toEqual(['{customer}']);
  });
});
