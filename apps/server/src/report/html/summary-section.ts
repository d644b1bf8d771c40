import { keyPoints, type Segment } from '../key-points.ts';
import { SEVERITIES, type ReportData } from '../report-data.ts';
import { severityLabel } from '../report-text.ts';
import { breakable, html, type SafeHtml } from './html-template.ts';

/** The key figures, the findings by severity, and the points a reviewer reads first. */
export function renderSummary(data: ReportData): SafeHtml {
  const { summary } = data;
  const figures: [number, string, string?][] = [
    [summary.namespaces, 'Namespaces'],
    [summary.workloads, 'Workloads'],
    [summary.pods, 'Pods'],
    [summary.services, 'Services'],
    [summary.ingresses, 'Ingresses'],
    [
      summary.networkPolicies,
      'NetworkPolicies',
      summary.invalidPolicies > 0 ? `${summary.invalidPolicies} invalid` : undefined,
    ],
    [
      summary.flows,
      'Allowed flows',
      summary.unknownFlows > 0 ? `${summary.unknownFlows} unknown` : undefined,
    ],
  ];
  return html`<section id="summary">
    <h2>Summary</h2>
    <div class="tiles">
      ${figures.map(
        ([value, label, note]) =>
          html`<div class="tile">
            <b>${value}</b><span>${label}${note ? html`<br />${note}` : ''}</span>
          </div>`,
      )}
    </div>
    <h3>Findings by severity</h3>
    <div class="tiles">
      ${SEVERITIES.map(
        (severity) =>
          html`<div class="tile sev-${severity}">
            <b>${summary.findings[severity]}</b><span>${severityLabel(severity)}</span>
          </div>`,
      )}
    </div>
    <h3>Key points</h3>
    <ul class="points">
      ${keyPoints(data).map((point) => html`<li>${point.map(renderSegment)}</li>`)}
    </ul>
  </section>`;
}

function renderSegment(segment: Segment): SafeHtml {
  if (typeof segment === 'string') return html`${segment}`;
  if ('warn' in segment) return html`<span class="warn">${segment.warn}</span>`;
  return html`<span class="mono">${breakable(segment.names)}</span>`;
}
