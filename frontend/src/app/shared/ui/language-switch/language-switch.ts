import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CdkMenu, CdkMenuItemRadio, CdkMenuTrigger } from '@angular/cdk/menu';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { Locale } from '../../api/models';
import { LocaleControl } from '../../i18n/locale-control';
import { LOCALES } from '../../i18n/locales';
import { MENU_BELOW_END } from '../menu-positions';

/** Globe button opening the list of UI languages (English / 中文); arrow keys move, Enter picks. */
@Component({
  selector: 'app-language-switch',
  imports: [CdkMenu, CdkMenuItemRadio, CdkMenuTrigger, NzButtonModule, NzIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      nz-button
      nzType="text"
      type="button"
      [cdkMenuTriggerFor]="menu"
      [cdkMenuPosition]="position"
      data-testid="language-switch"
      [attr.aria-label]="'language.switch' | transloco"
    >
      <nz-icon nzType="global" />
      <span>{{ current() }}</span>
    </button>
    <ng-template #menu>
      <ul
        cdkMenu
        class="ant-dropdown-menu ant-dropdown-menu-root ant-dropdown-menu-vertical app-menu"
      >
        @for (option of locales; track option.value) {
          <li
            cdkMenuItemRadio
            class="ant-dropdown-menu-item"
            [class.ant-dropdown-menu-item-selected]="option.value === locale()"
            [cdkMenuItemChecked]="option.value === locale()"
            [attr.lang]="option.value"
            [attr.data-testid]="'language-option-' + option.value"
            (cdkMenuItemTriggered)="choose(option.value)"
          >
            {{ option.label }}
          </li>
        }
      </ul>
    </ng-template>
  `,
})
export class LanguageSwitch {
  private readonly control = inject(LocaleControl);

  protected readonly locales = LOCALES;
  protected readonly position = MENU_BELOW_END;
  protected readonly locale = this.control.locale;
  protected readonly current = computed(
    () => LOCALES.find((option) => option.value === this.locale())?.label ?? this.locale(),
  );

  protected choose(locale: Locale): void {
    if (locale !== this.locale()) this.control.change(locale);
  }
}
