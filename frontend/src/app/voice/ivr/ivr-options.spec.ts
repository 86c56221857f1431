import { FormArray, FormControl, FormGroup } from '@angular/forms';
import {
  duplicateDigits,
  inKeypadOrder,
  isSelfTarget,
  nextFreeDigit,
  parseTargetKey,
  targetKey,
  uniqueDigits,
} from './ivr-options';
import { IvrOption } from '../voice-api';

const row = (digit: string) => new FormGroup({ digit: new FormControl<string | null>(digit) });

describe('IVR option helpers', () => {
  it('round-trips a target through the select value', () => {
    expect(targetKey({ type: 'queue', queueId: 'q1' })).toBe('queue:q1');
    expect(parseTargetKey('queue:q1')).toEqual({ type: 'queue', queueId: 'q1' });
    expect(parseTargetKey(targetKey({ type: 'menu', ivrMenuId: 'm1' }))).toEqual({
      type: 'menu',
      ivrMenuId: 'm1',
    });
  });

  it('reads an empty or unknown select value as no target', () => {
    expect(parseTargetKey(null)).toBeNull();
    expect(parseTargetKey('')).toBeNull();
    expect(parseTargetKey('queue:')).toBeNull();
    expect(parseTargetKey('agent:u1')).toBeNull();
  });

  it('finds the keys used twice', () => {
    expect([...duplicateDigits(['1', '2', '1', null, '#', '#'])]).toEqual(['1', '#']);
    expect(duplicateDigits(['1', '2']).size).toBe(0);
  });

  it('offers the next free key in keypad order', () => {
    expect(nextFreeDigit([])).toBe('1');
    expect(nextFreeDigit(['1', '2', '3', '4', '5', '6', '7', '8', '9'])).toBe('0');
    expect(nextFreeDigit(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'])).toBeNull();
  });

  it('sorts options as the keypad reads', () => {
    const option = (digit: IvrOption['digit']): IvrOption => ({
      digit,
      label: digit,
      target: { type: 'queue', queueId: 'q' },
    });
    const sorted = inKeypadOrder([option('#'), option('0'), option('2'), option('*')]);
    expect(sorted.map((o) => o.digit)).toEqual(['2', '0', '*', '#']);
  });

  it('marks the options array invalid while a key is used twice', () => {
    const options = new FormArray([row('1'), row('2')], { validators: uniqueDigits });
    expect(options.errors).toBeNull();
    options.push(row('2'));
    expect(options.errors).toEqual({ duplicateDigit: { digits: '2' } });
    options.at(2).controls.digit.setValue('3');
    expect(options.errors).toBeNull();
  });

  it('refuses a sub-menu that leads back into the menu itself', () => {
    expect(isSelfTarget({ type: 'menu', ivrMenuId: 'm1' }, 'm1')).toBe(true);
    expect(isSelfTarget({ type: 'menu', ivrMenuId: 'm2' }, 'm1')).toBe(false);
    expect(isSelfTarget({ type: 'queue', queueId: 'm1' }, 'm1')).toBe(false);
    expect(isSelfTarget({ type: 'menu', ivrMenuId: 'm1' }, null)).toBe(false);
  });
});
