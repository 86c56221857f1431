import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AgentState, NOT_READY_REASONS } from '../../api/acd-models';

/** Reason codes with a translation; others (custom codes) are shown as they are. */
const KNOWN_REASONS: readonly string[] = [...NOT_READY_REASONS, 'no_answer'];

const COLORS: Readonly<Record<AgentState, string>> = {
  offline: 'default',
  ready: 'green',
  not_ready: 'orange',
  reserved: 'gold',
  busy: 'red',
  wrap_up: 'purple',
};

/** Coloured, translated tag of an agent state, with the not-ready reason when there is one. */
@Component({
  selector: 'app-agent-state-tag',
  imports: [NzTagModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag [nzColor]="color()" [attr.data-state]="state()" data-testid="agent-state"
    >{{ 'agentState.' + state() | transloco }}
    @if (reason(); as code) {
      · {{ known(code) ? ('agentReason.' + code | transloco) : code }}
    }
  </nz-tag>`,
})
export class AgentStateTag {
  readonly state = input.required<AgentState>();
  /** Reason code, shown only while not ready. */
  readonly reason = input<string | null>(null);
  protected readonly color = computed(() => COLORS[this.state()] ?? 'default');
  protected known(code: string): boolean {
    return KNOWN_REASONS.includes(code);
  }
}
