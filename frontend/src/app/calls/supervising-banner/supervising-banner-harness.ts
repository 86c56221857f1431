import { ComponentHarness } from '@angular/cdk/testing';

/** Test harness for `app-supervising-banner`: reads the banner and presses its buttons. */
export class SupervisingBannerHarness extends ComponentHarness {
  static readonly hostSelector = 'app-supervising-banner';

  private readonly banner = this.locatorForOptional('section.banner');
  private readonly buttons = this.locatorForAll('section.banner button');
  private readonly alert = this.locatorForOptional('nz-alert');

  /** The supervision mode shown, or null while the supervisor is on no call. */
  async mode(): Promise<string | null> {
    return (await this.banner())?.getAttribute('data-mode') ?? null;
  }

  /** The banner's text (mode, agent, caller, audio state, hint). */
  async text(): Promise<string> {
    return (await (await this.banner())?.text()) ?? '';
  }

  /** `data-testid` of the banner, then of its buttons, then of the audio failure alert. */
  async testIds(): Promise<(string | null)[]> {
    const parts = [await this.banner(), ...(await this.buttons()), await this.alert()];
    return Promise.all(
      parts.filter((part) => !!part).map((part) => part.getAttribute('data-testid')),
    );
  }

  /** Whether the leave button shows its spinner. */
  async leaving(): Promise<boolean> {
    return (await this.button('-leave')).hasClass('ant-btn-loading');
  }

  /** Presses leave. */
  async leave(): Promise<void> {
    await (await this.button('-leave')).click();
  }

  /** Presses "click to hear the call". */
  async resumeAudio(): Promise<void> {
    await (await this.button('-resume-audio')).click();
  }

  private async button(suffix: string) {
    for (const button of await this.buttons()) {
      if ((await button.getAttribute('data-testid'))?.endsWith(suffix)) return button;
    }
    throw new Error(`no ${suffix} button`);
  }
}
