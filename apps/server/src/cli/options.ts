import { parseArgs } from 'node:util';
import { PROTOCOLS, type Protocol } from '@netmap/model';
import { UsageError } from './usage-error.ts';

/** Options every analysis command takes. */
export const COMMON_OPTIONS = {
  manifests: { type: 'string', multiple: true },
  format: { type: 'string' },
  'ipblock-matches-pods': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--port` and `--protocol`, for commands about one port. */
export const PORT_OPTIONS = { port: { type: 'string' }, protocol: { type: 'string' } } as const;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** Parses a command's arguments strictly: unknown options are usage errors, not silently ignored. */
export function parseCommand<T extends OptionSpec>(args: readonly string[], options: T, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: positionals > 0, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
  }
  return parsed;
}

/** `--format`, checked against what the command can print. */
export function formatOption<F extends string>(value: unknown, allowed: readonly F[]): F {
  const format = (value ?? allowed[0]) as F;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return format;
}

/** `--manifests`, required and repeatable. */
export function manifestsOption(value: unknown): string[] {
  const paths = (value as string[] | undefined) ?? [];
  if (paths.length === 0)
    throw new UsageError('--manifests PATH is required (a file or a directory; repeatable)');
  return paths;
}

/** `--port`: a number from 1 to 65535. */
export function portOption(value: unknown, isRequired: boolean): number | undefined {
  if (value === undefined) {
    if (isRequired) throw new UsageError('--port is required');
    return undefined;
  }
  const port = Number(value);
  if (!/^[0-9]+$/.test(String(value)) || port < 1 || port > 65535)
    throw new UsageError(`--port "${value}" is not a port number (1-65535)`);
  return port;
}

/** `--protocol`: TCP (default), UDP or SCTP, in any case. */
export function protocolOption(value: unknown): Protocol {
  const protocol = String(value ?? 'TCP').toUpperCase();
  if (!PROTOCOLS.includes(protocol as Protocol))
    throw new UsageError(`--protocol "${value}" is not TCP, UDP or SCTP`);
  return protocol as Protocol;
}

/** `--ipblock-matches-pods=true|false` (default true). */
export function ipBlockOption(value: unknown): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`--ipblock-matches-pods must be true or false, not "${value}"`);
}
