import type { PolicyRow, ReportData } from '../report-data.ts';
import { count, listNames, severityLabel } from '../report-text.ts';
import { breakable, html, type SafeHtml } from './html-template.ts';
import { LIST_LIMITS, moreNote, takeFirst } from './list-limits.ts';

/** Every NetworkPolicy: what it selects, its rules, and the findings about it. */
export function renderPoliciesSection(data: ReportData): SafeHtml {
  const { shown, rest } = takeFirst(data.policies, LIST_LIMITS.policies);
  const isBrief = data.policies.length > LIST_LIMITS.policiesWithFullFindings;
  const row = (policy: PolicyRow) => renderRow(policy, isBrief);
  return html`<section id="policies">
    <h2>Policy inventory</h2>
    <p>
      ${count(data.policies.length, 'NetworkPolicy')}. Rules are counted for the directions in policyTypes
      only: rules of other directions are ignored. Workloads without pods in the input count through their pod
      template.
    </p>
    ${
      data.policies.length === 0
        ? html`<p class="muted">No NetworkPolicy: every pod accepts and opens any connection.</p>`
        : html`<table class="inventory">
            <thead>
              <tr>
                <th class="col-policy">Namespace / name</th>
                <th class="col-types">policyTypes</th>
                <th class="col-selector">podSelector</th>
                <th class="col-selects">Selects</th>
                <th class="col-rules">Rules</th>
                <th>Findings</th>
              </tr>
            </thead>
            <tbody>
              ${shown.map(row)}
            </tbody>
          </table>`
    }
    ${moreNote(rest, 'NetworkPolicy')}
  </section>`;
}

/** One policy; with `isBrief`, its findings are named by kind (the findings section tells them in full). */
function renderRow(row: PolicyRow, isBrief: boolean): SafeHtml {
  const name = html`<td><span class="muted">${row.namespace}/</span><br /><b>${row.name}</b></td>`;
  const findings = row.findings.map(
    (f) =>
      html`<div class="policy-finding">
        <span class="badge sev-${f.severity}">${severityLabel(f.severity)}</span>
        ${isBrief ? html`<span class="mono">${f.id.split(':')[0]}</span>` : f.message}
      </div>`,
  );
  if (row.error !== undefined)
    return html`<tr>
      ${name}
      <td colspan="4"><span class="warn">Invalid:</span> ${row.error}</td>
      <td>${findings}</td>
    </tr>`;
  const selects = html`${count(row.selectedPods, 'pod')},
  ${count(row.selectedWorkloads.length, 'workload')}${
    row.selectedWorkloads.length > 0 && row.selectedWorkloads.length <= 3
      ? html`<br /><span class="muted mono">${breakable(listNames(row.selectedWorkloads, 3))}</span>`
      : ''
  }`;
  return html`<tr>
    ${name}
    <td>${row.policyTypes.join(', ')}</td>
    <td class="mono">
      ${row.podSelector === '' ? html`<span class="muted">all pods ({})</span>` : breakable(row.podSelector)}
    </td>
    <td>${selects}</td>
    <td>ingress ${row.ingressRules ?? '–'}<br />egress ${row.egressRules ?? '–'}</td>
    <td>${findings}</td>
  </tr>`;
}
