import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { SdkBridge } from '../sdk-bridge/sdk-bridge';
import { AppUrlValues, expandAppUrl, frameInstance } from './app-url';
import { EmbeddedApp } from './embedded-apps-api';

/**
 * One embedded app in a sandboxed iframe, connected to the workspace's SDK host. Its URL follows
 * the agent's call; the frame only navigates when the expanded URL actually changes.
 */
@Component({
  selector: 'app-embedded-app-frame',
  imports: [TranslocoPipe, NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (src(); as url) {
      <iframe
        #frame
        class="frame"
        data-testid="embedded-app-frame"
        [attr.data-app-id]="app().id"
        [src]="url"
        [title]="app().name"
        sandbox="allow-scripts allow-forms allow-same-origin allow-popups"
        referrerpolicy="no-referrer"
      ></iframe>
    } @else {
      <nz-alert
        nzType="warning"
        nzShowIcon
        data-testid="embedded-app-bad-url"
        [nzMessage]="'workspaceApps.badUrl' | transloco"
      />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      display: block;
      width: 100%;
      height: max(420px, calc(100vh - 360px));
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      background: #fff;
    }
  `,
})
export class AppFrame {
  private readonly bridge = inject(SdkBridge);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly instance = frameInstance();
  readonly app = input.required<EmbeddedApp>();
  readonly values = input.required<AppUrlValues>();
  private readonly frame = viewChild<ElementRef<HTMLIFrameElement>>('frame');
  /** The expanded URL (a string, so an unchanged URL keeps the frame as it is). */
  private readonly url = computed(() =>
    expandAppUrl(this.app().urlTemplate, this.values(), window.location.origin, this.instance),
  );
  /** Trusted only after `expandAppUrl` checked it is an http(s) URL. */
  protected readonly src = computed(() => {
    const url = this.url();
    return url ? this.sanitizer.bypassSecurityTrustResourceUrl(url) : null;
  });

  constructor() {
    effect((onCleanup) => {
      const element = this.frame()?.nativeElement;
      if (!element) return;
      const detach = this.bridge.attach(element);
      onCleanup(detach);
    });
  }
}
