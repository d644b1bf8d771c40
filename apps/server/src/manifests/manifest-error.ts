/** A manifest that netmap cannot read, located by file and line so the user can fix it. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  /** The file (or input path) at fault, as the user named it. */
  readonly file: string;
  /** 1-based line, when the problem has one. */
  readonly line?: number | undefined;

  constructor(file: string, line: number | undefined, reason: string) {
    // One line, "file:line: reason", like a compiler: the CLI prints it as is.
    super(`${line === undefined ? file : `${file}:${line}`}: ${toOneLine(reason)}`);
    this.file = file;
    this.line = line;
  }
}

/** Wraps a file-system error (missing file, no permission) as a ManifestError naming the path. */
export function fromFsError(path: string, error: unknown): ManifestError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : error instanceof Error
          ? error.message
          : String(error);
  return new ManifestError(path, undefined, reason);
}

function toOneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
