import { isHtml, linkify } from './linkify';

describe('linkify', () => {
  it('turns the invitation link of a mail into a link part', () => {
    const parts = linkify(
      'Welcome!\nSet your password: http://localhost:3333/reset-password?token=abc&invite=1\nBye',
    );
    expect(parts).toEqual([
      { text: 'Welcome!\nSet your password: ' },
      {
        text: 'http://localhost:3333/reset-password?token=abc&invite=1',
        href: 'http://localhost:3333/reset-password?token=abc&invite=1',
      },
      { text: '\nBye' },
    ]);
  });

  it('leaves a full stop after a link out of the link', () => {
    expect(linkify('Open https://example.test/a.')).toEqual([
      { text: 'Open ' },
      { text: 'https://example.test/a', href: 'https://example.test/a' },
      { text: '.' },
    ]);
  });

  it('keeps text without links as one part', () => {
    expect(linkify('no links here')).toEqual([{ text: 'no links here' }]);
  });

  it('tells an HTML body from a plain one', () => {
    expect(isHtml('<p>Hello <a href="x">link</a></p>')).toBe(true);
    expect(isHtml('1 < 2 and 3 > 2')).toBe(false);
  });
});
