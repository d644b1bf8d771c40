import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestError } from './manifest-error.ts';
import { decodeText, formatBytes, readManifestFile } from './read-manifest-file.ts';
import { useTempFiles } from './temp-files.ts';

const writeFiles = useTempFiles();

describe('readManifestFile', () => {
  it('reads a file as UTF-8 text', async () => {
    const dir = await writeFiles({ 'a.yaml': 'kind: Pod # café\n' });
    expect(await readManifestFile(join(dir, 'a.yaml'), 1024)).toBe('kind: Pod # café\n');
  });

  it('refuses a file over the limit, saying its size and the limit', async () => {
    const dir = await writeFiles({ 'big.yaml': 'x'.repeat(2049) });
    const file = join(dir, 'big.yaml');
    const error = await readManifestFile(file, 2048).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as Error).message).toBe(
      `${file}: file is 2.0 KiB (2049 bytes), over the limit of 2 KiB (2048 bytes)`,
    );
  });

  it('reads a file exactly at the limit', async () => {
    const dir = await writeFiles({ 'a.yaml': 'x'.repeat(100) });
    expect(await readManifestFile(join(dir, 'a.yaml'), 100)).toHaveLength(100);
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 byte order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFkind: Pod\n'))).toBe('kind: Pod\n');
  });

  it('decodes UTF-16LE with its byte order mark, as PowerShell writes it', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Pod\r\n', 'utf16le')]);
    expect(decodeText(bytes)).toBe('kind: Pod\r\n');
  });

  it('leaves text without a mark alone', () => {
    expect(decodeText(Buffer.from('a: 1'))).toBe('a: 1');
    expect(decodeText(new Uint8Array())).toBe('');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KiB (1024 bytes)'],
    [1536, '1.5 KiB (1536 bytes)'],
    [64 * 1024 * 1024, '64 MiB (67108864 bytes)'],
    [3 * 1024 ** 3, '3 GiB (3221225472 bytes)'],
    [5 * 1024 ** 4, '5120 GiB (5497558138880 bytes)'],
  ])('formats %d as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
