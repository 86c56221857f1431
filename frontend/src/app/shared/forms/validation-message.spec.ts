import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { FieldError } from '../api/api-types';
import { translateFieldError, validationMessage } from './validation-message';

const zh = {
  serverValidation: {
    onField: '{{field}}：{{message}}',
    required: '此项为必填项',
    minLength: '至少输入 {{min}} 个字符',
    phoneNumber: '不是有效的电话号码',
  },
};

function transloco(lang: 'en' | 'zh-CN'): TranslocoService {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: {}, 'zh-CN': zh },
        translocoConfig: { availableLangs: ['en', 'zh-CN'], defaultLang: lang },
        preloadLangs: true,
      }),
    ],
  });
  return TestBed.inject(TranslocoService);
}

const phone: FieldError = {
  field: 'phone',
  rule: 'phoneNumber',
  message: 'This phone number is not valid',
};

describe('validationMessage', () => {
  it('gives the key of a known rule in Chinese', () => {
    expect(validationMessage(phone, 'zh-CN')).toEqual({
      key: 'serverValidation.phoneNumber',
      params: {},
    });
  });

  it('keeps the server message in English, the language the server writes in', () => {
    expect(validationMessage(phone, 'en')).toEqual({ key: null, text: phone.message });
  });

  it('falls back to the server message for a rule it does not know', () => {
    const error = { field: 'file', rule: 'format', message: 'This is not a CSV or XLSX file' };
    expect(validationMessage(error, 'zh-CN')).toEqual({ key: null, text: error.message });
  });

  it('fills the sentence from the meta of the rule', () => {
    const error = { field: 'name', rule: 'minLength', message: 'Too short', meta: { min: 3 } };
    expect(validationMessage(error, 'zh-CN')).toEqual({
      key: 'serverValidation.minLength',
      params: { min: 3 },
    });
  });

  it('keeps the server message when the meta the sentence needs is missing', () => {
    const error = { field: 'name', rule: 'minLength', message: 'At least 3 characters' };
    expect(validationMessage(error, 'zh-CN')).toEqual({ key: null, text: error.message });
  });

  it('keeps the server message of a custom field, which lists its choices', () => {
    const error = {
      field: 'customFields.tier',
      rule: 'in',
      message: 'Choose one of: gold, silver',
    };
    expect(validationMessage(error, 'zh-CN')).toEqual({ key: null, text: error.message });
  });

  it('does not take a rule name from the object prototype', () => {
    const error = { field: 'name', rule: 'toString', message: 'Odd' };
    expect(validationMessage(error, 'zh-CN')).toEqual({ key: null, text: 'Odd' });
  });
});

describe('translateFieldError', () => {
  it('says a known rule in Chinese', () => {
    expect(translateFieldError(transloco('zh-CN'), phone)).toBe('不是有效的电话号码');
  });

  it('interpolates the meta into the Chinese sentence', () => {
    const error = { field: 'name', rule: 'minLength', message: 'Too short', meta: { min: 3 } };
    expect(translateFieldError(transloco('zh-CN'), error)).toBe('至少输入 3 个字符');
  });

  it('names the field in front of a translated sentence when asked', () => {
    const error = { field: 'members.0.userId', rule: 'required', message: 'Needed' };
    expect(translateFieldError(transloco('zh-CN'), error, true)).toBe(
      'members.0.userId：此项为必填项',
    );
  });

  it('shows an unknown rule as the server wrote it', () => {
    const error = {
      field: 'titleTemplate',
      rule: 'placeholder',
      message: 'Unknown placeholder {x}',
    };
    expect(translateFieldError(transloco('zh-CN'), error, true)).toBe('Unknown placeholder {x}');
  });

  it('shows the server message in English', () => {
    expect(translateFieldError(transloco('en'), phone)).toBe(phone.message);
  });
});
