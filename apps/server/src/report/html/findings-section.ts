import type { Finding } from '@netmap/model';
import type { ReportData } from '../report-data.ts';
import { count, severityLabel } from '../report-text.ts';
import { breakable, html, type SafeHtml } from './html-template.ts';

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
                ${group.findings.map(renderFinding)}`,
          )
    }
  </section>`;
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
