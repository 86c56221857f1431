import { hasOptions, toFieldInput } from './field-input';

describe('toFieldInput', () => {
  const value = {
    label: ' Tier ',
    key: 'tier ',
    type: 'choice' as const,
    options: ['gold', ' gold', ' ', 'silver'],
    required: true,
    position: 3,
  };

  it('trims and de-duplicates the options of a choice field', () => {
    expect(toFieldInput(value)).toEqual({
      label: 'Tier',
      key: 'tier',
      type: 'choice',
      options: ['gold', 'silver'],
      required: true,
      position: 3,
    });
  });

  it('sends no options for a field without choices', () => {
    expect(toFieldInput({ ...value, type: 'date' }).options).toEqual([]);
    expect(hasOptions('multi_choice')).toBe(true);
    expect(hasOptions('number')).toBe(false);
  });
});
