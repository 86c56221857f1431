import { inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { filter, merge } from 'rxjs';

/** Route `title`s are translation keys; the document title follows the language. */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private key: string | undefined;

  constructor() {
    super();
    merge(
      this.transloco.langChanges$,
      this.transloco.events$.pipe(filter((e) => e.type === 'translationLoadSuccess')),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.apply());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key = this.buildTitle(snapshot);
    this.apply();
  }

  private apply(): void {
    // The active language may still be loading; its load event calls apply() again.
    if (Object.keys(this.transloco.getTranslation(this.transloco.getActiveLang())).length === 0)
      return;
    const app = this.transloco.translate('app.name');
    this.title.setTitle(this.key ? `${this.transloco.translate(this.key)} · ${app}` : app);
  }
}
