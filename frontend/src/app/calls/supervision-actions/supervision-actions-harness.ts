import { ComponentHarness } from '@angular/cdk/testing';

/** Test harness for `app-supervision-actions`: lists the offered buttons and presses them. */
export class SupervisionActionsHarness extends ComponentHarness {
  static readonly hostSelector = 'app-supervision-actions';

  private readonly buttons = this.locatorForAll('button');
  private readonly popupButtons = this.documentRootLocatorFactory().locatorForAll(
    '.ant-popover-buttons button',
  );

  /** `data-testid` of every offered button, in order. */
  async testIds(): Promise<(string | null)[]> {
    const buttons = await this.buttons();
    return Promise.all(buttons.map((button) => button.getAttribute('data-testid')));
  }

  /** Accessible label of every offered button, in order. */
  async labels(): Promise<(string | null)[]> {
    const buttons = await this.buttons();
    return Promise.all(buttons.map((button) => button.getAttribute('aria-label')));
  }

  /** Presses the button whose test id ends in `-<action>` (force hang-up only opens its question). */
  async press(action: string): Promise<void> {
    for (const button of await this.buttons()) {
      const testId = await button.getAttribute('data-testid');
      if (testId?.endsWith(`-${action}`)) return button.click();
    }
    throw new Error(`no ${action} button`);
  }

  /** Confirms the open force hang-up question. */
  async confirm(): Promise<void> {
    // zorro lays out the question's buttons as cancel, then ok.
    const [, ok] = await this.popupButtons();
    if (!ok) throw new Error('the hang-up question is not open');
    await ok.click();
  }
}
