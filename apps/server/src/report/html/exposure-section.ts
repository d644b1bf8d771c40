import type { Finding } from '@netmap/model';
import type { ReportData } from '../report-data.ts';
import { describePorts, severityLabel } from '../report-text.ts';
import { breakable, html, type SafeHtml } from './html-template.ts';
import { LIST_LIMITS, moreNote, takeFirst } from './list-limits.ts';

/** Every way in from outside: entry points, then what the policies admit from outside peers. */
export function renderExposureSection(data: ReportData): SafeHtml {
  // Entry points to pods no policy isolates (medium and above) are always listed.
  const isMinor = (f: Finding) => f.severity === 'low' || f.severity === 'info';
  const minor = takeFirst(data.exposure.entryPoints.filter(isMinor), LIST_LIMITS.minorEntryPoints);
  const entries = {
    shown: [...data.exposure.entryPoints.filter((f) => !isMinor(f)), ...minor.shown],
    rest: minor.rest,
  };
  const flows = takeFirst(data.exposure.outsideFlows, LIST_LIMITS.outsideFlows);
  return html`<section id="exposure">
    <h2>Exposure to outside the cluster</h2>
    <h3>Entry points</h3>
    <p>
      Services that take traffic from outside (load balancers, node ports, external IPs) and Ingress routes,
      with the workloads they end at.
    </p>
    ${
      entries.shown.length === 0
        ? html`<p class="muted">No Service or Ingress takes traffic from outside the cluster.</p>`
        : html`<table>
            <thead>
              <tr>
                <th class="col-severity">Severity</th>
                <th class="col-objects">Objects</th>
                <th>Path</th>
                <th class="col-fix">Fix</th>
              </tr>
            </thead>
            <tbody>
              ${entries.shown.map(renderEntryPoint)}
            </tbody>
          </table>`
    }
    ${moreNote(entries.rest, 'entry point')}
    <h3>Connections the policies admit from outside</h3>
    <p>
      Outside peers (address ranges and the ingress controller's Ingress traffic) that may open connections to
      workloads, as far as the NetworkPolicies decide; whether a route to the pods exists is up to the
      network. Workloads no policy isolates for ingress come first.
    </p>
    ${
      flows.shown.length === 0
        ? html`<p class="muted">The policies admit no connection from outside the cluster.</p>`
        : html`<table>
            <thead>
              <tr>
                <th class="col-workload">To workload</th>
                <th>From</th>
                <th class="col-ports">Ports</th>
                <th class="col-isolated">Isolated for ingress</th>
              </tr>
            </thead>
            <tbody>
              ${flows.shown.map(
                (flow) =>
                  html`<tr>
                    <td class="mono">${breakable(flow.to)}</td>
                    <td>${breakable(flow.from.join(', '))}</td>
                    <td>
                      ${describePorts(flow.ports)}${flow.verdict === 'unknown' ? html` <span class="tag">unknown</span>` : ''}
                    </td>
                    <td>${flow.isIsolated ? 'yes' : html`<span class="warn">no</span>`}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${moreNote(flows.rest, 'workload and port set')}
  </section>`;
}

function renderEntryPoint(finding: Finding): SafeHtml {
  return html`<tr>
    <td><span class="badge sev-${finding.severity}">${severityLabel(finding.severity)}</span></td>
    <td>${finding.objects.map((o, i) => html`${i > 0 ? html`<br />` : ''}${breakable(o)}`)}</td>
    <td>${finding.message}</td>
    <td class="fix">${finding.fix ?? ''}</td>
  </tr>`;
}
