import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { translateOr, translationTick } from '../../shared/i18n/translation-tick';
import { CustomerImportStore } from './customer-import-store';

const CUSTOM = 'custom:';

/** The name of a mapping target in the UI language: a built-in one translated, a custom field by its label. */
@Component({
  selector: 'app-import-target-label',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '{{ label() }}',
})
export class ImportTargetLabel {
  private readonly store = inject(CustomerImportStore);
  private readonly transloco = inject(TranslocoService);
  private readonly tick = translationTick(this.transloco);

  readonly target = input.required<string>();
  protected readonly label = computed(() => {
    const target = this.target();
    if (target.startsWith(CUSTOM)) {
      const key = target.slice(CUSTOM.length);
      return this.store.fields().find((field) => field.key === key)?.label ?? key;
    }
    this.tick();
    return translateOr(this.transloco, `customerImport.targets.${target}`, target);
  });
}
