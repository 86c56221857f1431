import { iframeSnippet, toOrigin, widgetUrl } from './widget-snippet';

describe('web-call widget snippet', () => {
  it('points at the public call page of the widget key', () => {
    expect(widgetUrl('https://cc.example/', 'wk_123')).toBe('https://cc.example/call/wk_123');
  });

  it('allows the microphone to the frame and names it for screen readers', () => {
    const html = iframeSnippet('https://cc.example', 'wk_123', 'Call us');
    expect(html).toContain('src="https://cc.example/call/wk_123"');
    expect(html).toContain('allow="microphone"');
    expect(html).toContain('title="Call us"');
    expect(html.startsWith('<iframe ')).toBe(true);
    expect(html.endsWith('></iframe>')).toBe(true);
  });

  it('escapes a title that would break out of the attribute', () => {
    const html = iframeSnippet('https://cc.example', 'k', 'A "quoted" <name> & co');
    expect(html).toContain('title="A &quot;quoted&quot; &lt;name&gt; &amp; co"');
  });
});

describe('allowed origins', () => {
  it('keeps scheme, host and port only', () => {
    expect(toOrigin(' https://Shop.Example:8443 ')).toBe('https://shop.example:8443');
    expect(toOrigin('http://localhost:4200/')).toBe('http://localhost:4200');
  });

  it('refuses anything that is not a bare http(s) origin', () => {
    expect(toOrigin('shop.example')).toBeNull();
    expect(toOrigin('ftp://shop.example')).toBeNull();
    expect(toOrigin('https://shop.example/contact')).toBeNull();
    expect(toOrigin('https://shop.example/?a=1')).toBeNull();
    expect(toOrigin('https://user:pw@shop.example')).toBeNull();
  });
});
