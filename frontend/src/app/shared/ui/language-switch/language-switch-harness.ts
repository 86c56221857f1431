import { ComponentHarness } from '@angular/cdk/testing';

/** Test harness for `app-language-switch`. */
export class LanguageSwitchHarness extends ComponentHarness {
  static readonly hostSelector = 'app-language-switch';

  private readonly button = this.locatorFor('[data-testid="language-switch"]');
  private readonly documentRoot = this.documentRootLocatorFactory();

  /** Label of the current language as shown on the button. */
  async current(): Promise<string> {
    return (await this.button()).text();
  }

  /** Opens the menu and picks `locale` (`en` or `zh-CN`). */
  async choose(locale: string): Promise<void> {
    await (await this.button()).click();
    const option = await this.documentRoot.locatorFor(
      `[data-testid="language-option-${locale}"]`,
    )();
    await option.click();
  }
}
