import { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { asapScheduler, filter, map, merge, observeOn } from 'rxjs';

/**
 * A signal of the active language that notifies on every language change and on every loaded
 * translation file, so that `computed`s calling `TranslocoService.translate` recompute, also when
 * a language's file arrives after the switch (the language's name is the same then, hence `equal`
 * never holds). Call in an injection context.
 */
export function translationTick(transloco: TranslocoService): Signal<string> {
  return toSignal(
    merge(
      transloco.langChanges$,
      transloco.events$.pipe(
        filter((event) => event.type === 'translationLoadSuccess'),
        map(() => transloco.getActiveLang()),
      ),
      // A pipe may trigger a (synchronous, cached) load while a template renders: never write then.
    ).pipe(observeOn(asapScheduler)),
    { initialValue: transloco.getActiveLang(), equal: () => false },
  );
}

/** Translates `key`, or gives `fallback` when the active language has no such key (e.g. an API code we do not know). */
export function translateOr(
  transloco: TranslocoService,
  key: string,
  fallback: string,
  params?: object,
): string {
  const known = key in transloco.getTranslation(transloco.getActiveLang());
  return known ? transloco.translate(key, params as Record<string, unknown> | undefined) : fallback;
}
