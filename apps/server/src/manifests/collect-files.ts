import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fromFsError } from './manifest-error.ts';

/** Extensions of the files read from directories; a file named explicitly is read whatever its name. */
const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

/**
 * Expands files and directories into the files to read, in reading order: the paths in the order
 * given, each directory depth-first with its entries sorted by name. A file reached twice is read once.
 */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const info = await statOrThrow(path);
    if (info.isDirectory()) await walkDirectory(path, files, seen);
    else await addFile(path, files, seen);
  }
  return files;
}

async function walkDirectory(dir: string, files: string[], seen: Set<string>): Promise<void> {
  // Symlinked directories may loop back; visiting each real directory once ends any cycle.
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw fromFsError(dir, error);
  }
  for (const name of names.sort(compareCodeUnits)) {
    if (isIgnored(name)) continue;
    const path = join(dir, name);
    const info = await statOrThrow(path);
    if (info.isDirectory()) await walkDirectory(path, files, seen);
    else if (info.isFile() && MANIFEST_EXTENSIONS.includes(extname(name).toLowerCase())) {
      await addFile(path, files, seen);
    }
  }
}

async function addFile(path: string, files: string[], seen: Set<string>): Promise<void> {
  const real = await realpath(path);
  if (seen.has(real)) return;
  seen.add(real);
  files.push(path);
}

// Hidden entries (.git, .github, .pre-commit-config.yaml) and node_modules never hold the cluster's objects.
function isIgnored(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

async function statOrThrow(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    throw fromFsError(path, error);
  }
}

/** Orders strings by UTF-16 code units: the same on every machine, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
