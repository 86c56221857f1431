import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { firstValueFrom, throwError } from 'rxjs';
import { readBlobErrors, toApiError } from './api-error';

describe('toApiError', () => {
  it('reads the code and message of an error answer', () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 404,
        error: { error: { code: 'E_NOT_FOUND', message: 'Not found' } },
      }),
    );
    expect(error).toMatchObject({
      status: 404,
      code: 'E_NOT_FOUND',
      message: 'Not found',
      fieldErrors: [],
    });
  });

  it('keeps the field errors of a 422 answer', () => {
    const errors = [{ field: 'email', rule: 'email', message: 'Bad email' }];
    const error = toApiError(new HttpErrorResponse({ status: 422, error: { errors } }));
    expect(error).toMatchObject({
      status: 422,
      code: 'E_VALIDATION',
      fieldErrors: errors,
      message: 'Bad email',
    });
  });

  it('reads how long to wait from Retry-After', () => {
    const headers = new HttpHeaders({ 'Retry-After': '45' });
    const error = toApiError(
      new HttpErrorResponse({
        status: 429,
        headers,
        error: { error: { code: 'E_TOO_MANY_ATTEMPTS' } },
      }),
    );
    expect(error.retryAfterSeconds).toBe(45);
  });

  it('reads the JSON error of a download back out of its blob', async () => {
    const blob = new Blob([JSON.stringify({ error: { code: 'E_FORBIDDEN', message: 'No' } })], {
      type: 'application/json',
    });
    const failed = throwError(() => new HttpErrorResponse({ status: 403, error: blob }));
    const err = await firstValueFrom(failed.pipe(readBlobErrors())).catch((e: unknown) => e);
    expect(toApiError(err)).toMatchObject({ status: 403, code: 'E_FORBIDDEN', message: 'No' });
  });
});
