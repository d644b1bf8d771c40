import { describe, expect, it } from 'vitest';
import { fromFsError, ManifestError } from './manifest-error.ts';

describe('ManifestError', () => {
  it('reads "file:line: reason" and keeps file and line', () => {
    const error = new ManifestError('deploy/app.yaml', 12, 'NetworkPolicy without metadata.name');
    expect(error.message).toBe('deploy/app.yaml:12: NetworkPolicy without metadata.name');
    expect(error).toMatchObject({ name: 'ManifestError', file: 'deploy/app.yaml', line: 12 });
    expect(error).toBeInstanceOf(Error);
  });

  it('leaves the line out when there is none', () => {
    const error = new ManifestError('deploy', undefined, 'no such file or directory');
    expect(error.message).toBe('deploy: no such file or directory');
    expect(error.line).toBeUndefined();
  });

  it('keeps the message on one line', () => {
    expect(new ManifestError('a.yaml', 1, 'first\r\n  second\n').message).toBe('a.yaml:1: first second');
  });

  it.each([
    ['ENOENT', 'no such file or directory'],
    ['EACCES', 'permission denied'],
  ])('names the path of a %s file-system error', (code, reason) => {
    const error = Object.assign(new Error(`${code}: raw`), { code });
    expect(fromFsError('x/y.yaml', error).message).toBe(`x/y.yaml: ${reason}`);
  });
});
