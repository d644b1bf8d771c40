import { readFile, stat } from 'node:fs/promises';
import { fromFsError, ManifestError } from './manifest-error.ts';

/** Default for `maxFileBytes`: far above any real manifest, far below what would exhaust memory. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a manifest file as text, refusing files over `maxFileBytes` before reading them.
 * Honours a byte order mark: UTF-8 (editors on Windows) and UTF-16 (PowerShell's `>` redirection).
 */
export async function readManifestFile(file: string, maxFileBytes: number): Promise<string> {
  const { size } = await stat(file).catch((error: unknown) => {
    throw fromFsError(file, error);
  });
  if (size > maxFileBytes) throw tooLarge(file, size, maxFileBytes);
  const bytes = await readFile(file).catch((error: unknown) => {
    throw fromFsError(file, error);
  });
  // The file may have grown between stat and read.
  if (bytes.length > maxFileBytes) throw tooLarge(file, bytes.length, maxFileBytes);
  return decodeText(bytes);
}

/** Decodes bytes by their byte order mark (UTF-8 when there is none) and drops the mark. */
export function decodeText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : 'utf-8';
  // TextDecoder drops a leading BOM of its encoding; a lone BOM left by odd tools is stripped too.
  const text = new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(file: string, size: number, limit: number): ManifestError {
  return new ManifestError(
    file,
    undefined,
    `file is ${formatBytes(size)}, over the limit of ${formatBytes(limit)}`,
  );
}

/** Formats a byte count for people: "1.5 MiB", "512 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1);
  return `${digits} ${units[unit] ?? 'GiB'} (${bytes} bytes)`;
}
