/** Placeholder until the proxy lands. */
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('modelarts-stub proxy: not implemented yet\n');
  return 2;
}
