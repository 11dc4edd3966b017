// The steps of an atomic write through VS Code's file system API, kept apart from `vscode` so that plain-Node tests
// can make each step fail: a temporary file beside the target, renamed into place, and removed whatever failed.

export interface WriteSteps<U> {
  createDirectory(folder: U): Thenable<void>;
  writeFile(file: U, data: Uint8Array): Thenable<void>;
  rename(from: U, to: U, options: { overwrite: boolean }): Thenable<void>;
  delete(file: U): Thenable<void>;
}

export async function writeViaTemporary<U>(fs: WriteSteps<U>, at: { folder: U; temp: U; target: U }, data: Uint8Array, overwrite: boolean): Promise<void> {
  await fs.createDirectory(at.folder);
  try {
    await fs.writeFile(at.temp, data);
    await fs.rename(at.temp, at.target, { overwrite });
  } catch (err) {
    await Promise.resolve(fs.delete(at.temp)).then(undefined, () => undefined);
    throw err;
  }
}
