import { customField } from '../testing/customer-fixtures';
import {
  adjustCondition,
  conditionIndexOf,
  newCondition,
  operatorsOf,
  toRulesBody,
  valueInputOf,
} from './segment-rules';

const FIELDS = [
  customField('tier', { type: 'choice', options: ['gold', 'silver'] }),
  customField('topics', { type: 'multi_choice', options: ['billing'] }),
  customField('score', { type: 'number' }),
  customField('since', { type: 'date' }),
];

describe('segment rules in the rule builder', () => {
  it('offers the operators of each field and custom-field type', () => {
    expect(operatorsOf({ field: 'status' }, FIELDS)).toEqual(['is', 'isNot']);
    expect(operatorsOf({ field: 'customField', key: 'score' }, FIELDS)).toContain('greaterThan');
    expect(operatorsOf({ field: 'customField', key: 'topics' }, FIELDS)).toEqual([
      'contains',
      'in',
      'empty',
      'notEmpty',
    ]);
    expect(operatorsOf({ field: 'customField', key: 'gone' }, FIELDS)).toEqual([]);
  });

  it('picks the input a value needs', () => {
    expect(valueInputOf({ field: 'createdAt', operator: 'between' }, FIELDS)).toBe('range');
    expect(valueInputOf({ field: 'createdAt', operator: 'withinLastDays' }, FIELDS)).toBe('days');
    expect(valueInputOf({ field: 'source', operator: 'in' }, FIELDS)).toBe('texts');
    expect(valueInputOf({ field: 'customField', key: 'tier', operator: 'in' }, FIELDS)).toBe(
      'options',
    );
    expect(valueInputOf({ field: 'customField', key: 'tier', operator: 'empty' }, FIELDS)).toBe(
      'none',
    );
  });

  it('starts a new condition with a valid operator and value', () => {
    expect(newCondition('status', FIELDS)).toEqual({
      field: 'status',
      operator: 'is',
      value: 'active',
    });
    expect(newCondition('customField', FIELDS)).toEqual({
      field: 'customField',
      key: 'tier',
      operator: 'equals',
      value: '',
    });
    expect(newCondition('hasPhone', FIELDS)).toEqual({
      field: 'hasPhone',
      operator: 'is',
      value: true,
    });
  });

  it('keeps the value while the input stays, and resets it when the input changes', () => {
    const tags = { field: 'tags' as const, operator: 'hasAny' as const, value: ['vip'] };
    expect(adjustCondition({ ...tags, operator: 'hasAll' }, FIELDS).value).toEqual(['vip']);
    expect(adjustCondition({ ...tags, operator: 'empty' }, FIELDS)).toEqual({
      field: 'tags',
      operator: 'empty',
    });
    expect(
      adjustCondition({ field: 'createdAt', operator: 'between', value: 30 }, FIELDS).value,
    ).toEqual({ from: '', to: '' });
    expect(
      adjustCondition(
        { field: 'customField', key: 'score', operator: 'contains', value: 'x' },
        FIELDS,
      ),
    ).toEqual({
      field: 'customField',
      key: 'score',
      operator: 'equals',
      value: 0,
    });
  });

  it('sends no value for empty and notEmpty, and reads the condition a 422 names', () => {
    const body = toRulesBody(
      { match: 'any', conditions: [{ field: 'owner', operator: 'empty', value: [] }] },
      FIELDS,
    );
    expect(body).toEqual({ match: 'any', conditions: [{ field: 'owner', operator: 'empty' }] });
    expect(conditionIndexOf('rules.conditions.2.value.0')).toBe(2);
    expect(conditionIndexOf('name')).toBeNull();
  });
});
