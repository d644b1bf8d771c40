import type { SourceStatus } from '@netmap/model';
import type { ReportContext } from './report-data.ts';

/** The formats a report is written in. */
export type ReportFormat = 'html' | 'md';

/**
 * What a report says about where its objects come from: `manifests: ./deploy`,
 * `cluster: context "prod" (…)`, `demo: the embedded demo cluster`, with the network plugin when
 * the source could tell it.
 */
export function reportContext(
  source: Pick<SourceStatus, 'kind' | 'description' | 'cni'>,
  generatedAt: Date,
  title?: string,
): ReportContext {
  const context: ReportContext = { source: `${source.kind}: ${source.description}`, generatedAt };
  if (source.cni.name !== 'unknown') context.cni = source.cni;
  if (title !== undefined) context.title = title;
  return context;
}

/** `netmap-report-2025-03-04.html`: the day (UTC) it was made, and the format. */
export function reportFileName(format: ReportFormat, generatedAt: Date): string {
  return `netmap-report-${generatedAt.toISOString().slice(0, 10)}.${format}`;
}

/** The media type each format is served as. */
export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};
