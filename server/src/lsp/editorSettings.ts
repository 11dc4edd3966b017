// The switches for editor features the server offers (hsconfig.format.enable and the like): they decide whether
// the server answers a request, so they live beside the wiring, not in the language service's settings.

import { DEFAULT_SETTINGS, type LanguageSettings } from '../handset/settings';

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

/** Takes what the client sent for `hsconfig.*`, keeping only well-typed values. */
export function sanitizeSettings(raw: unknown): LanguageSettings {
  const r = (raw ?? {}) as Record<string, unknown>;
  const profiles = Array.isArray(r.profiles) ? r.profiles.filter((p): p is string => typeof p === 'string' && p.length > 0) : [];
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const inlay = (r.inlayHints ?? {}) as Record<string, unknown>;
  return {
    profiles: profiles.length > 0 ? profiles : DEFAULT_SETTINGS.profiles,
    maxDocumentSize: typeof r.maxDocumentSize === 'number' && r.maxDocumentSize > 0 ? r.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize,
    fileNamePrefix: str(r.handsetFilePrefix, DEFAULT_SETTINGS.fileNamePrefix),
    fileNamePostfix: str(r.handsetFilePostfix, DEFAULT_SETTINGS.fileNamePostfix),
    inlayHints: typeof inlay.enabled === 'boolean' ? inlay.enabled : DEFAULT_SETTINGS.inlayHints,
  };
}
