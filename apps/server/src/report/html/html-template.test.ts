import { describe, expect, it } from 'vitest';
import { breakable, escapeHtml, html } from './html-template.ts';

describe('escapeHtml', () => {
  it('turns every markup character into an entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('replaces control characters HTML forbids, keeping tabs and line breaks', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne\u007f')).toBe('a\ufffdb\ufffdc\td\ne\ufffd');
  });
});

describe('html', () => {
  it('escapes values, writes nested markup as it is, joins lists, skips empty values', () => {
    const name = '<b>x</b>';
    const inner = html`<i>${name}</i>`;
    expect(
      html`<p title="${name}">${inner}${[1, '&', html`<br />`]}${undefined}${null}${false}</p>`.text,
    ).toBe('<p title="&lt;b&gt;x&lt;/b&gt;"><i>&lt;b&gt;x&lt;/b&gt;</i>1&amp;<br /></p>');
  });
});

describe('breakable', () => {
  it('lets refs and selectors wrap at their separators, escaped', () => {
    expect(breakable('shop/web[Deployment]').text).toBe('shop/<wbr>web<wbr>[Deployment]');
    expect(breakable('a=<b>,c').text).toBe('a=<wbr>&lt;b&gt;,<wbr>c');
  });
});
