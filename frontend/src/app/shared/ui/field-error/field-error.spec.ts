import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { FieldErrorText } from './field-error';
import { FieldErrorHarness } from './field-error-harness';

async function render(
  errors: Record<string, unknown> | null,
  keys: Record<string, string> = {},
  lang: 'en' | 'zh-CN' = 'en',
) {
  TestBed.configureTestingModule({
    imports: [
      FieldErrorText,
      TranslocoTestingModule.forRoot({
        langs: {
          en: {
            validation: {
              required: 'This field is required',
              minlength: 'At least {{requiredLength}} characters',
            },
            signup: { slugRule: 'Lowercase letters, digits and hyphens' },
          },
          'zh-CN': { serverValidation: { maxLength: '最多输入 {{max}} 个字符' } },
        },
        translocoConfig: { availableLangs: ['en', 'zh-CN'], defaultLang: lang },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(FieldErrorText);
  fixture.componentRef.setInput('errors', errors);
  fixture.componentRef.setInput('keys', keys);
  await fixture.whenStable();
  return TestbedHarnessEnvironment.harnessForFixture(fixture, FieldErrorHarness);
}

describe('FieldErrorText', () => {
  it('shows the server message as it came from the API', async () => {
    const harness = await render({ server: 'Email already used', required: true });
    expect(await harness.text()).toBe('Email already used');
  });

  it('says a server error of a known rule in Chinese, with its meta', async () => {
    const server = { field: 'name', rule: 'maxLength', message: 'Too long', meta: { max: 80 } };
    const harness = await render({ server }, {}, 'zh-CN');
    expect(await harness.text()).toBe('最多输入 80 个字符');
  });

  it('shows a server error of an unknown rule as the server wrote it', async () => {
    const server = { field: 'file', rule: 'format', message: 'Not a CSV file' };
    const harness = await render({ server }, {}, 'zh-CN');
    expect(await harness.text()).toBe('Not a CSV file');
  });

  it('translates a validator error with its parameters', async () => {
    const harness = await render({ minlength: { requiredLength: 8, actualLength: 3 } });
    expect(await harness.text()).toBe('At least 8 characters');
  });

  it('uses the field-specific key when one is given', async () => {
    const harness = await render(
      { pattern: { requiredPattern: '^[a-z]+$' } },
      { pattern: 'signup.slugRule' },
    );
    expect(await harness.text()).toBe('Lowercase letters, digits and hyphens');
  });

  it('shows nothing when the control is valid', async () => {
    const harness = await render(null);
    expect(await harness.text()).toBe('');
  });
});
