/** A bad command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses an integer flag within bounds.
 *
 * @throws {UsageError} when the value is not an integer in range.
 * @example
 * integerFlag('10', '--rate', 1, 1000); // 10
 */
export function integerFlag(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/**
 * Parses `AK:SK`.
 *
 * @throws {UsageError} when the value has no colon or an empty half (the value is not echoed).
 * @example
 * accessKeyFlag('AK:SK'); // { accessKeyId: 'AK', secretAccessKey: 'SK' }
 */
export function accessKeyFlag(value: string): { accessKeyId: string; secretAccessKey: string } {
  const index = value.indexOf(':');
  if (index <= 0 || index === value.length - 1) {
    throw new UsageError('--access-key must be AK:SK');
  }
  return { accessKeyId: value.slice(0, index), secretAccessKey: value.slice(index + 1) };
}

/**
 * Runs a subcommand's body: usage errors print a message and exit 2, other errors exit 1 unless
 * the body mapped them to a code.
 *
 * @example
 * await runCommand('verify', VERIFY_USAGE, () => verify(argv));
 */
export async function runCommand(name: string, body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `modelarts-stub ${name}: ${error.message}\nRun modelarts-stub ${name} --help for usage.\n`,
      );
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`modelarts-stub ${name}: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
