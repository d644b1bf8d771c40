import './report-link.css';

/** The security review report of the live model, as one HTML file (the server names the download). */
export const REPORT_URL = '/api/v1/report?format=html';

/** The header's link to download the report; inert until the server has read its source. */
export function ReportLink(props: { isReady: boolean }) {
  if (!props.isReady)
    return (
      <span className="report-link" aria-disabled="true" title="The report is ready once the cluster is read">
        Report
      </span>
    );
  return (
    <a
      className="report-link"
      href={REPORT_URL}
      download
      title="Download a security review report of the live model (HTML: summary, namespace matrix, exposure, findings, policy inventory)"
    >
      Report
    </a>
  );
}
