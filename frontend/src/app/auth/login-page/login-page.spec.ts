import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../icons';
import { toApiError } from '../../shared/api/api-error';
import { LocaleControl } from '../../shared/i18n/locale-control';
import { AuthStorage } from '../auth-storage';
import { loginPageEvents } from '../auth.events';
import { AuthState, initialAuthState } from '../auth.reducer';
import { apiError } from '../testing/auth-fixtures';
import { LoginPage } from './login-page';

async function render(auth: Partial<AuthState> = {}) {
  TestBed.configureTestingModule({
    imports: [
      LoginPage,
      TranslocoTestingModule.forRoot({
        langs: { en: {} },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNzIcons(APP_ICONS),
      provideMockStore({ initialState: { auth: { ...initialAuthState, ...auth } } }),
      { provide: LocaleControl, useValue: { locale: signal('en'), change: () => undefined } },
      { provide: AuthStorage, useValue: { lastTenant: () => 'acme', saveTenant: () => undefined } },
    ],
  });
  const store = TestBed.inject(MockStore);
  const dispatch = vi.spyOn(store, 'dispatch');
  const fixture = TestBed.createComponent(LoginPage);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const field = (id: string) => element.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
  const type = (id: string, value: string) => {
    const input = field(id);
    if (!input) throw new Error(`no field ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    element
      .querySelector<HTMLFormElement>('[data-testid="login-form"]')
      ?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  return { store, dispatch, fixture, element, field, type, submit };
}

describe('LoginPage', () => {
  it('fills the organisation remembered on this browser', async () => {
    const { field } = await render();
    expect(field('login-tenant')?.value).toBe('acme');
  });

  it('does not submit while email or password is missing', async () => {
    const { dispatch, submit } = await render();
    dispatch.mockClear();
    await submit();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('submits the credentials with the organisation in lowercase', async () => {
    const { dispatch, type, submit } = await render();
    type('login-tenant', ' ACME ');
    type('login-email', 'ada@acme.test');
    type('login-password', 'secret');
    await submit();
    expect(dispatch).toHaveBeenCalledWith(
      loginPageEvents.submitted({
        credentials: { tenant: 'acme', email: 'ada@acme.test', password: 'secret' },
      }),
    );
  });

  it('shows only the code field once the API asked for a second factor', async () => {
    const { field } = await render({ mfaRequired: true });
    expect(field('login-otp')).not.toBeNull();
    expect(field('login-password')).toBeNull();
  });

  it('shows a lockout message from the API', async () => {
    const { element } = await render({ loginError: toApiError(apiError(401, 'E_ACCOUNT_LOCKED')) });
    expect(element.querySelector('[data-testid="login-error"]')?.getAttribute('data-code')).toBe(
      'E_ACCOUNT_LOCKED',
    );
  });
});
