import { runCommand } from './usage-error.js';

const SUBCOMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  verify: () => import('./verify-command.js'),
  proxy: () => import('./proxy-command.js'),
};

/**
 * Runs `modelarts-stub <subcommand> …` when the first argument names one; undefined otherwise, so
 * that the stub's own flags keep working unchanged. Each subcommand loads only its own code.
 *
 * @example
 * (runSubcommand(argv) ?? main(argv)).catch(report);
 */
export function runSubcommand(argv: string[]): Promise<void> | undefined {
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : SUBCOMMANDS[name];
  if (name === undefined || load === undefined) return undefined;
  return runCommand(name, async () => (await load()).run(rest));
}
