// The switches for editor features the server offers (hsconfig.format.enable and the like): they decide whether
// the server answers a request, so they live beside the wiring, not in the language service's settings.

export interface EditorSettings {
  readonly format: boolean;
  /** Index the workspace's handset files and publish their problems, closed files and cross-file ones included. */
  readonly workspaceDiagnostics: boolean;
  /** The code lens above <hs_config> with what the base station does with the file. */
  readonly codeLens: boolean;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { format: true, workspaceDiagnostics: false, codeLens: true };

/** Takes what the client sent for `hsconfig.*`, keeping only well-typed values. */
export function sanitizeEditorSettings(raw: unknown): EditorSettings {
  const r = (raw ?? {}) as Record<string, unknown>;
  const enabled = (section: unknown, fallback: boolean) => {
    const value = (section as { enable?: unknown } | undefined)?.enable;
    return typeof value === 'boolean' ? value : fallback;
  };
  return {
    format: enabled(r.format, DEFAULT_EDITOR_SETTINGS.format),
    workspaceDiagnostics: enabled(r.workspaceDiagnostics, DEFAULT_EDITOR_SETTINGS.workspaceDiagnostics),
    codeLens: enabled(r.codeLens, DEFAULT_EDITOR_SETTINGS.codeLens),
  };
}
