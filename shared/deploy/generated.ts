// What generating handset files from a CSV gives back (the server's hsconfig/generate answer, the CLI's report),
// and the hooks a long run reports its progress through.

export interface GeneratedFile {
  readonly row: number;
  readonly ipei: string;
  /** `[prefix][IPEI].xml[postfix]`. */
  readonly name: string;
  readonly xml: string;
}

export interface SkippedRow {
  readonly row: number;
  readonly reasons: readonly string[];
}

export interface DeployWarning {
  readonly rows: readonly number[];
  readonly message: string;
}

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly skipped: readonly SkippedRow[];
  readonly warnings: readonly DeployWarning[];
  /** True when isCancelled() stopped the run; the lists hold what was done until then. */
  readonly cancelled: boolean;
}

export interface ProgressHooks {
  onProgress?(done: number, total: number): void;
  isCancelled?(): boolean;
}
