import { inject } from '@angular/core';
import { patchState, signalStore, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, of, pipe, switchMap, tap } from 'rxjs';
import { toApiError } from '../shared/api/api-error';
import { ApiError } from '../shared/api/api-types';
import { DevMail, DevMailboxApi } from './dev-mailbox-api';

/** Mails caught by the development mailer, newest first. */
export const DevMailboxStore = signalStore(
  withState<{ mails: DevMail[]; loading: boolean; loadError: ApiError | null }>({
    mails: [],
    loading: false,
    loadError: null,
  }),
  withMethods((store, api = inject(DevMailboxApi)) => ({
    load: rxMethod<void>(
      pipe(
        tap(() => patchState(store, { loading: true, loadError: null })),
        switchMap(() =>
          api.list().pipe(
            tap((mails) =>
              patchState(store, {
                mails: [...mails].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
                loading: false,
              }),
            ),
            catchError((err: unknown) => {
              patchState(store, { loading: false, loadError: toApiError(err) });
              return of(null);
            }),
          ),
        ),
      ),
    ),
  })),
  withHooks({
    onInit(store) {
      store.load();
    },
  }),
);
