import { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { asapScheduler, filter, map, merge, observeOn } from 'rxjs';

/**
 * A counter that moves on every language change and every loaded translation file, so that
 * `computed`s calling `TranslocoService.translate` recompute also when a language's file arrives
 * after the switch (the language name alone stays the same then). Call in an injection context.
 */
export function translationVersion(transloco: TranslocoService): Signal<number> {
  let version = 0;
  return toSignal(
    merge(
      transloco.langChanges$,
      transloco.events$.pipe(filter((event) => event.type === 'translationLoadSuccess')),
    ).pipe(
      observeOn(asapScheduler),
      map(() => ++version),
    ),
    { initialValue: 0 },
  );
}
