import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles, compareCodeUnits } from './collect-files.ts';
import { ManifestError } from './manifest-error.ts';
import { useTempFiles } from './temp-files.ts';

const writeFiles = useTempFiles();

describe('collectFiles', () => {
  it('walks directories depth-first in sorted order, keeping .yaml, .yml and .json files', async () => {
    const dir = await writeFiles({
      'b.yaml': '',
      'a/z.yml': '',
      'a/b/c.json': '',
      'A.YAML': '',
      'c.txt': '',
      'README.md': '',
      'kustomize/base/kustomization.yaml': '',
    });
    const files = await collectFiles([dir]);
    expect(files.map((file) => file.slice(dir.length + 1))).toEqual([
      'A.YAML',
      'a/b/c.json',
      'a/z.yml',
      'b.yaml',
      'kustomize/base/kustomization.yaml',
    ]);
  });

  it('skips hidden entries and node_modules', async () => {
    const dir = await writeFiles({
      '.git/config.yaml': '',
      '.github/workflows/ci.yml': '',
      '.pre-commit-config.yaml': '',
      'node_modules/pkg/x.json': '',
      'app.yaml': '',
    });
    expect(await collectFiles([dir])).toEqual([join(dir, 'app.yaml')]);
  });

  it('keeps the order of the paths given and reads a named file whatever its extension', async () => {
    const dir = await writeFiles({ 'z.yaml': '', 'dump.txt': '', 'd/a.yaml': '' });
    const files = await collectFiles([join(dir, 'z.yaml'), join(dir, 'dump.txt'), join(dir, 'd')]);
    expect(files).toEqual([join(dir, 'z.yaml'), join(dir, 'dump.txt'), join(dir, 'd/a.yaml')]);
  });

  it('reads a file reached twice once', async () => {
    const dir = await writeFiles({ 'a.yaml': '', 'b.yaml': '' });
    expect(await collectFiles([join(dir, 'b.yaml'), dir])).toEqual([
      join(dir, 'b.yaml'),
      join(dir, 'a.yaml'),
    ]);
  });

  it('survives a symlink cycle', async () => {
    const dir = await writeFiles({ 'd/a.yaml': '' });
    await symlink(join(dir, 'd'), join(dir, 'd/loop'));
    expect(await collectFiles([dir])).toEqual([join(dir, 'd/a.yaml')]);
  });

  it('returns nothing for an empty directory', async () => {
    const dir = await writeFiles({});
    expect(await collectFiles([dir])).toEqual([]);
  });

  it('throws a ManifestError naming a path that does not exist', async () => {
    const dir = await writeFiles({});
    const missing = join(dir, 'missing.yaml');
    const error = await collectFiles([missing]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManifestError);
    expect(error).toMatchObject({ file: missing, message: `${missing}: no such file or directory` });
  });
});

describe('compareCodeUnits', () => {
  it('orders by code unit, upper case first, independent of locale', () => {
    expect(['b', 'a', 'B', 'é', 'A'].sort(compareCodeUnits)).toEqual(['A', 'B', 'a', 'b', 'é']);
  });
});
