import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ApiError } from '../../api/api-types';
import { ApiErrorAlert } from './api-error-alert';

const unprocessable: ApiError = {
  status: 422,
  code: 'E_VALIDATION',
  message: 'The team must be a team of your organisation',
  fieldErrors: [
    { field: 'teamId', rule: 'exists', message: 'The team must be a team of your organisation' },
    { field: 'titleTemplate', rule: 'placeholder', message: 'Unknown placeholder {x}' },
  ],
  retryAfterSeconds: null,
};

async function detailsShown(details: string[]): Promise<string[]> {
  TestBed.configureTestingModule({
    imports: [
      ApiErrorAlert,
      TranslocoTestingModule.forRoot({
        langs: {
          'zh-CN': {
            errors: { E_VALIDATION: '请检查输入' },
            serverValidation: { onField: '{{field}}：{{message}}', exists: '在您的组织中未找到' },
          },
        },
        translocoConfig: { availableLangs: ['zh-CN'], defaultLang: 'zh-CN' },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(ApiErrorAlert);
  fixture.componentRef.setInput('error', unprocessable);
  fixture.componentRef.setInput('details', details);
  await fixture.whenStable();
  const items = (fixture.nativeElement as HTMLElement).querySelectorAll('.details li');
  return [...items].map((item) => item.textContent?.trim() ?? '');
}

describe('ApiErrorAlert', () => {
  it('says the unmatched 422 messages in the active language, naming their field', async () => {
    expect(
      await detailsShown([
        'The team must be a team of your organisation',
        'Unknown placeholder {x}',
        'A line of the page',
      ]),
    ).toEqual(['teamId：在您的组织中未找到', 'Unknown placeholder {x}', 'A line of the page']);
  });
});
