import { evaluateCluster } from '@netmap/engine';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../build-report.ts';
import { hostileReport, IMAGE, SCRIPT } from '../hostile-report.ts';
import { threeNamespaces } from '../report-fixtures.ts';
import { renderReportHtml } from './render-report-html.ts';

const page = renderReportHtml(
  buildReport(evaluateCluster(threeNamespaces), {
    title: 'Quarterly review',
    source: 'manifests: ./deploy',
    generatedAt: new Date('2025-03-04T05:06:07Z'),
    dataTime: new Date('2025-03-04T04:00:00Z'),
    cni: { name: 'Calico', enforcesNetworkPolicy: true, evidence: 'DaemonSet kube-system/calico-node' },
  }),
);
const hostile = renderReportHtml(hostileReport());

/** The elements the report may use: anything else is text that escaped its escaping. */
const ALLOWED_TAGS = new Set(
  (
    'html head meta title style body main header footer section article nav p h1 h2 h3 dl dt dd ol ul li a b i ' +
    'span div br wbr table thead tbody tr th td svg defs marker path g text rect circle'
  ).split(' '),
);

// Escaped text holds no "<": every "<" opens real markup (or the style sheet's own text).
const tagsOf = (text: string) => [...text.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((m) => m[1]!.toLowerCase());
const startTags = (text: string) => [...text.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
/** Every attribute of every start tag, as [name, value]: values are always double-quoted here. */
const attributesOf = (text: string) =>
  startTags(text).flatMap((tag) =>
    [...tag.matchAll(/\s([\w:-]+)(?:\s*=\s*"([^"]*)")?/g)].map(
      (m) => [m[1]!.toLowerCase(), m[2] ?? ''] as const,
    ),
  );

describe('renderReportHtml', () => {
  it('is one document with the context, every section and an inline SVG graph', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.match(/<html/g)).toHaveLength(1);
    for (const id of ['summary', 'map', 'matrix', 'exposure', 'findings', 'policies'])
      expect(page).toContain(`<section id="${id}">`);
    expect(page).toContain('<h1>Quarterly review</h1>');
    expect(page).toContain('manifests: ./deploy');
    expect(page).toContain('2025-03-04 05:06 UTC');
    expect(page).toContain('2025-03-04 04:00 UTC');
    expect(page).toContain('Calico (enforces NetworkPolicy)');
    expect(page.match(/<svg\s/g)).toHaveLength(1);
    expect(page).toMatch(/<table class="matrix">/);
  });

  it('prints to A4 with a page per section, repeated table headers and rows kept whole', () => {
    expect(page).toMatch(/@page\s*{[^}]*size: A4/);
    expect(page).toMatch(/@media print\s*{[\s\S]*section \+ section { break-before: page; }/);
    expect(page).toMatch(/thead { display: table-header-group; }/);
    expect(page).toMatch(/tr { break-inside: avoid; }/);
  });

  it.each([
    ['the purpose-built report', page],
    ['the hostile report', hostile],
  ])('%s runs no script and loads nothing from anywhere', (_name, text) => {
    expect(text).not.toMatch(/<script/i);
    const attributes = attributesOf(text);
    expect(attributes).toContainEqual(['href', '#summary']);
    expect(
      attributes.filter(([name]) => name.startsWith('on') || name === 'src' || name === 'srcset'),
    ).toEqual([]);
    expect(attributes.filter(([name, value]) => name.endsWith('href') && !value.startsWith('#'))).toEqual([]);
    expect(attributes.filter(([, value]) => /^\s*javascript:/i.test(value))).toEqual([]);
    expect(text).not.toMatch(/@import/);
    for (const match of text.matchAll(/url\(([^)]*)\)/g)) expect(match[1]).toMatch(/^#arrow-/);
    expect(tagsOf(text).filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
  });

  it('writes names, messages, the title and the source as text', () => {
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    // The rejected policy's error quotes its label key; the odd namespace is on the axes.
    expect(hostile).toMatch(/Invalid:<\/span>\s*spec\.podSelector: &quot;&lt;script&gt;/);
    expect(hostile).toContain('<th scope="row">x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</th>');
    expect(hostile).not.toContain(SCRIPT);
    expect(hostile).not.toContain(IMAGE);
  });
});
