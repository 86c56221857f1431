import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { firstValueFrom } from 'rxjs';
import { authInterceptorEvents } from './auth.events';
import { authInterceptor } from './auth.interceptor';
import { AuthState, initialAuthState } from './auth.reducer';

function setup(auth: Partial<AuthState>) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideMockStore({ initialState: { auth: { ...initialAuthState, ...auth } } }),
    ],
  });
  const store = TestBed.inject(MockStore);
  const dispatch = vi.spyOn(store, 'dispatch');
  return {
    http: TestBed.inject(HttpClient),
    backend: TestBed.inject(HttpTestingController),
    dispatch,
  };
}

const signedIn: Partial<AuthState> = { status: 'authenticated', token: 'tok-1', locale: 'zh-CN' };

describe('auth interceptor', () => {
  it('sends the Bearer token and the UI language with tenant API calls', () => {
    const { http, backend } = setup(signedIn);
    http.get('/api/v1/users').subscribe();
    const request = backend.expectOne('/api/v1/users').request;
    expect(request.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(request.headers.get('Accept-Language')).toBe('zh-CN');
  });

  it('leaves platform calls and static files alone', () => {
    const { http, backend } = setup(signedIn);
    http.get('/api/v1/platform/tenants').subscribe();
    http.get('/i18n/en.json').subscribe();
    expect(backend.expectOne('/api/v1/platform/tenants').request.headers.has('Authorization')).toBe(
      false,
    );
    expect(backend.expectOne('/i18n/en.json').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session when any other call answers 401', async () => {
    const { http, backend, dispatch } = setup(signedIn);
    const answer = firstValueFrom(http.get('/api/v1/users')).catch((err: unknown) => err);
    backend
      .expectOne('/api/v1/users')
      .flush({ error: { code: 'E_UNAUTHORIZED' } }, { status: 401, statusText: 'Unauthorized' });
    await answer;
    expect(dispatch).toHaveBeenCalledWith(authInterceptorEvents.sessionExpired());
  });

  it('treats a 401 from the login call as wrong credentials, not as an expired session', async () => {
    const { http, backend, dispatch } = setup({ ...signedIn });
    const answer = firstValueFrom(http.post('/api/v1/auth/login', {})).catch((err: unknown) => err);
    backend
      .expectOne('/api/v1/auth/login')
      .flush(
        { error: { code: 'E_INVALID_CREDENTIALS' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await answer;
    expect(dispatch).not.toHaveBeenCalled();
  });
});
