import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** File tree for a test: path relative to a fresh temp directory → content. */
export type TempFiles = Record<string, string | Uint8Array>;

/**
 * Test helper: returns a function that writes a tree of files under a new directory in the OS temp
 * directory and returns that directory; every directory it made is removed after each test.
 */
export function useTempFiles(): (files: TempFiles) => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (files) => {
    const dir = await mkdtemp(join(tmpdir(), 'netmap-manifests-'));
    dirs.push(dir);
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    return dir;
  };
}
