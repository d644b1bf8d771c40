import type { Finding, Severity } from '@netmap/model';
import type { ReportData } from '../report-data.ts';
import { count, severityLabel } from '../report-text.ts';
import { breakable, html, type SafeHtml } from './html-template.ts';
import { LIST_LIMITS } from './list-limits.ts';

/** The findings, highest severity first, each with the objects involved and how to fix it. */
export function renderFindingsSection(data: ReportData): SafeHtml {
  return html`<section id="findings">
    <h2>Findings</h2>
    ${
      data.findings.length === 0
        ? html`<p>No findings.</p>`
        : data.findings.map(
            (group) =>
              html`<h3>${severityLabel(group.severity)} (${group.findings.length})</h3>
                ${renderGroup(group.severity, group.findings)}`,
          )
    }
  </section>`;
}

/** Every finding of a severity; past the limit, low and info ones are counted by kind instead. */
function renderGroup(severity: Severity, findings: readonly Finding[]): SafeHtml {
  const isAlwaysInFull = severity === 'critical' || severity === 'high' || severity === 'medium';
  if (isAlwaysInFull || findings.length <= LIST_LIMITS.findingsInFull)
    return html`${findings.map(renderFinding)}`;
  const kinds = new Map<string, Finding[]>();
  for (const finding of findings) {
    // The part of the id before the first ':' names the kind of finding.
    const kind = finding.id.split(':')[0]!;
    const list = kinds.get(kind);
    if (list) list.push(finding);
    else kinds.set(kind, [finding]);
  }
  return html`<p>
      ${findings.length} findings of this severity, by kind, each with one example; the Markdown report
      (format md) and <code>netmap findings</code> list every one.
    </p>
    <table>
      <thead>
        <tr>
          <th class="col-kind">Kind</th>
          <th class="col-count num">Count</th>
          <th>Example</th>
          <th class="col-fix">Fix</th>
        </tr>
      </thead>
      <tbody>
        ${[...kinds].map(
          ([kind, list]) =>
            html`<tr>
              <td class="mono">${kind}</td>
              <td class="num">${list.length}</td>
              <td>${list[0]!.message}</td>
              <td class="fix">${list[0]!.fix ?? ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function renderFinding(finding: Finding): SafeHtml {
  return html`<article class="finding sev-${finding.severity}">
    <header>
      <span class="badge sev-${finding.severity}">${severityLabel(finding.severity)}</span
      >${finding.category ? html`<span class="tag">${finding.category}</span>` : ''}<span class="id mono"
        >${breakable(finding.id)}</span
      >
    </header>
    <p>${finding.message}</p>
    ${finding.objects.length > 0 ? html`<p class="objects">${count(finding.objects.length, 'object')}: ${breakable(finding.objects.join(', '))}</p>` : ''}
    ${finding.fix ? html`<p class="fix"><b>Fix:</b> ${finding.fix}</p>` : ''}
  </article>`;
}
