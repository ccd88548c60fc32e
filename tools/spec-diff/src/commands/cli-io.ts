/** Where a command writes; a test passes strings, the CLI passes the process streams. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Directory relative paths given by the user are resolved against. */
  cwd: string;
};

/** Wires a command's main function to the process: its streams, its exit code, its errors. */
export function runCli(main: (args: string[], io: CliIo) => Promise<number>): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // pnpm runs root scripts in the root; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.stderr(`${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
