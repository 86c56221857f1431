import { describe, expect, it } from 'vitest';
import { reasonChoices } from './reason-code-choices';

describe('reasonChoices', () => {
  it('keeps active codes in the organisation order and translates only the codes the app knows', () => {
    const choices = reasonChoices([
      { id: '1', code: 'coaching', label: 'Coaching', active: true, position: 3 },
      { id: '2', code: 'lunch', label: 'Lunch', active: true, position: 1 },
      { id: '3', code: 'smoke', label: 'Smoke', active: false, position: 2 },
    ]);
    expect(choices).toEqual([
      { code: 'lunch', label: 'Lunch', translated: true },
      { code: 'coaching', label: 'Coaching', translated: false },
    ]);
  });
});
