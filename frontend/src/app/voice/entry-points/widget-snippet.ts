import { AbstractControl, ValidationErrors } from '@angular/forms';
/** Size the embedded call widget gets unless the site changes it. */
const WIDGET_WIDTH = 360;
const WIDGET_HEIGHT = 560;

/** Address of the public web-call page of a widget, on the console's origin. */
export function widgetUrl(origin: string, widgetKey: string): string {
  return `${origin.replace(/\/+$/, '')}/call/${encodeURIComponent(widgetKey)}`;
}

/** Escapes text for a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The HTML a website pastes to embed the widget (the microphone must be allowed to the frame). */
export function iframeSnippet(origin: string, widgetKey: string, title: string): string {
  return (
    `<iframe src="${attribute(widgetUrl(origin, widgetKey))}" allow="microphone" ` +
    `width="${WIDGET_WIDTH}" height="${WIDGET_HEIGHT}" style="border:0" ` +
    `title="${attribute(title)}"></iframe>`
  );
}

/**
 * The origin (`https://shop.example`) of what someone typed as an allowed origin, or null when it
 * is not an http(s) address without a path.
 */
export function toOrigin(value: string): string | null {
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  if (url.username || url.password) return null;
  return url.origin;
}

/** Every listed origin must be a bare http(s) origin: `{ origin: { value } }` names the first bad one. */
export function originsValidator(control: AbstractControl<string[] | null>): ValidationErrors | null {
  const bad = (control.value ?? []).find((value) => toOrigin(value) === null);
  return bad === undefined ? null : { origin: { value: bad } };
}
