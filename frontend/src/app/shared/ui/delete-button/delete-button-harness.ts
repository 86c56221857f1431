import { ComponentHarness } from '@angular/cdk/testing';

/** Test harness for `app-delete-button`: asks, then confirms or cancels. */
export class DeleteButtonHarness extends ComponentHarness {
  static readonly hostSelector = 'app-delete-button';

  private readonly button = this.locatorFor('button');
  private readonly popupButtons = this.documentRootLocatorFactory().locatorForAll(
    '.ant-popover-buttons button',
  );

  /** Accessible label of the button. */
  async label(): Promise<string | null> {
    return (await this.button()).getAttribute('aria-label');
  }

  /** Opens the question and answers it with the delete button. */
  async confirm(): Promise<void> {
    await this.answer('ok');
  }

  /** Opens the question and answers it with the cancel button. */
  async cancel(): Promise<void> {
    await this.answer('cancel');
  }

  private async answer(choice: 'ok' | 'cancel'): Promise<void> {
    await (await this.button()).click();
    // zorro lays out the question's buttons as cancel, then ok.
    const [cancel, ok] = await this.popupButtons();
    const target = choice === 'ok' ? ok : cancel;
    if (!target) throw new Error('the delete question did not open');
    await target.click();
  }
}
