import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzCardModule } from 'ng-zorro-antd/card';
import { LanguageSwitch } from '../language-switch/language-switch';

/** Frame of the pages seen before signing in: brand, language switch and a centred card. */
@Component({
  selector: 'app-auth-card',
  imports: [NzCardModule, LanguageSwitch, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './auth-card.css',
  template: `
    <header class="bar">
      <span class="brand"
        ><span class="logo" aria-hidden="true">CC</span>{{ 'app.name' | transloco }}</span
      >
      <app-language-switch />
    </header>
    <main class="stage">
      <nz-card class="card" [class.wide]="wide()">
        <h1 class="title">{{ heading() }}</h1>
        @if (subtitle()) {
          <p class="subtitle">{{ subtitle() }}</p>
        }
        <ng-content />
      </nz-card>
      <ng-content select="[footer]" />
    </main>
  `,
})
export class AuthCard {
  readonly heading = input.required<string>();
  readonly subtitle = input<string>('');
  /** Wider card for longer forms such as sign-up. */
  readonly wide = input(false);
}
