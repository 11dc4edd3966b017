// What every `hsconfig` command is to the command line (cli.ts): its help text and how it runs.

export interface Command {
  /** One block of the help text: the synopsis line, then indented lines that explain it. */
  readonly usage: string;
  /** Whether it reads each file against its site (cliSites.ts): its help then says how a site is found. */
  readonly sites?: boolean;
  run(args: readonly string[]): Promise<number>;
}
