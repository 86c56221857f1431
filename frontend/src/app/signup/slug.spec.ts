import { FormControl } from '@angular/forms';
import { slugify, slugValidators } from './slug';

function slugControl(value: string): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators: slugValidators });
}

describe('organisation slug', () => {
  it('is suggested in lowercase with hyphens from the organisation name', () => {
    expect(slugify('Acme Call Center')).toBe('acme-call-center');
  });

  it('drops accents and punctuation from the suggestion', () => {
    expect(slugify('  Café Öst & Co. GmbH!  ')).toBe('cafe-ost-co-gmbh');
  });

  it('suggests nothing for a name without latin letters or digits', () => {
    expect(slugify('呼叫中心')).toBe('');
  });

  it('accepts lowercase letters, digits and single hyphens', () => {
    expect(slugControl('acme-2-support').valid).toBe(true);
  });

  it.each([
    ['Acme', 'uppercase letters'],
    ['acme_support', 'an underscore'],
    ['-acme', 'a leading hyphen'],
    ['acme-', 'a trailing hyphen'],
    ['acme--support', 'a double hyphen'],
    ['acme support', 'a space'],
  ])('rejects "%s" because of %s', (value) => {
    expect(slugControl(value).hasError('pattern')).toBe(true);
  });

  it('rejects a slug shorter than three characters', () => {
    expect(slugControl('ab').hasError('minlength')).toBe(true);
  });

  it('is required', () => {
    expect(slugControl('').hasError('required')).toBe(true);
  });
});
