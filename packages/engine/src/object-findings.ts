import type { Finding, ObjectFinding } from '@netmap/model';

/** The findings that name an object `isAbout` accepts (objects are named `Kind namespace/name`). */
export function findingsAbout(
  findings: readonly Finding[],
  isAbout: (object: string) => boolean,
): ObjectFinding[] {
  return findings
    .filter((finding) => finding.objects.some(isAbout))
    .map(({ id, severity, message }) => ({ id, severity, message }));
}
