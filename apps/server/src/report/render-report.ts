import { renderReportHtml } from './html/render-report-html.ts';
import { renderReportMarkdown } from './markdown/render-report-markdown.ts';
import type { ReportFormat } from './report-context.ts';
import type { ReportData } from './report-data.ts';

/** The report written in `format`. */
export function renderReport(data: ReportData, format: ReportFormat): string {
  return format === 'html' ? renderReportHtml(data) : renderReportMarkdown(data);
}
