export { buildReport } from './build-report.ts';
export type { ReportContext, ReportData } from './report-data.ts';
export { renderReport } from './render-report.ts';
export { reportContext, reportFileName, REPORT_MEDIA_TYPES, type ReportFormat } from './report-context.ts';
