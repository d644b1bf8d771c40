/** Saves a blob as a file the way the browser saves downloads. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `netmap-demo-2026-11-27T10-15-00.png`: the source and the time of the data, safe for any file system. */
export function exportFileName(source: string, dataTime: Date, extension: 'png' | 'svg'): string {
  const stamp = dataTime.toISOString().slice(0, 19).replaceAll(':', '-');
  const name = source.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '') || 'cluster';
  return `netmap-${name}-${stamp}.${extension}`;
}
