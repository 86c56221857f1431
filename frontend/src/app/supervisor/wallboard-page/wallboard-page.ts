import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { authFeature } from '../../auth/auth.reducer';
import { translationTick } from '../../shared/i18n/translation-tick';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { Clock } from '../../shared/time/clock';
import { QueueTiles } from '../queue-tiles/queue-tiles';
import { STATE_ORDER } from '../supervisor-rows';
import { SupervisorStore } from '../supervisor-store';

/**
 * The big-screen wallboard: large tiles of every queue and of the agent state counts, readable
 * from across the room, sized by the viewport (1366x768 to 1920x1080), with no actions.
 */
@Component({
  selector: 'app-wallboard-page',
  imports: [RouterLink, TranslocoPipe, NzIconModule, QueueTiles],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'wallboard' },
  templateUrl: './wallboard-page.html',
  styleUrl: './wallboard-page.css',
})
export class WallboardPage {
  protected readonly store = inject(SupervisorStore);
  private readonly clock = inject(Clock);
  private readonly language = translationTick(inject(TranslocoService));
  private readonly tenant = inject(Store).selectSignal(authFeature.selectTenant);

  protected readonly states = STATE_ORDER;
  /** The wall clock in the console's language and the organisation's time zone (the floor's time, not the screen's). */
  protected readonly time = computed(() =>
    new Date(this.clock.now()).toLocaleTimeString(this.language(), {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: this.tenant()?.timeZone ?? undefined,
    }),
  );
}
