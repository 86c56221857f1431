import { ComponentHarness } from '@angular/cdk/testing';

/** Test harness for `app-icon-action`: reads its label and presses it. */
export class IconActionHarness extends ComponentHarness {
  static readonly hostSelector = 'app-icon-action';

  private readonly button = this.locatorFor('button');

  /** Accessible label of the button. */
  async label(): Promise<string | null> {
    return (await this.button()).getAttribute('aria-label');
  }

  /** `data-testid` of the button. */
  async testId(): Promise<string | null> {
    return (await this.button()).getAttribute('data-testid');
  }

  /** Presses the button. */
  async press(): Promise<void> {
    await (await this.button()).click();
  }
}
