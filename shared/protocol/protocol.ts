// Custom LSP messages shared by the client and the server. No imports: the client bundles this file.

/** Request `{ textDocument: { uri } }` → `DocumentStatus | null`: what the language status item shows. */
export const DOCUMENT_STATUS_REQUEST = 'hsconfig/documentStatus';

/** Request `{ textDocument: { uri } }` → `BaseConfigStatus | null`: the status item of a base-station config file. */
export const BASE_CONFIG_STATUS_REQUEST = 'hsconfig/baseConfigStatus';

/** Request `{ uri, text }` → `Diagnostic[]`: checks text that is not open in an editor (before encrypting it). */
export const VALIDATE_TEXT_REQUEST = 'hsconfig/validateText';

/** Request `{ textDocument: { uri } }` → `PreviewResponse | null`: what the base station would do with the file. */
export const PREVIEW_REQUEST = 'hsconfig/preview';

/**
 * Request `{ files: { name, text, uri? }[], folder? }` → `FleetResponse`: a folder of handset files provisioned in
 * turn, each file on the base station of its site (by its URI, else the folder's); with files of several sites, each
 * site's run is in `sites`.
 */
export const SIMULATE_FOLDER_REQUEST = 'hsconfig/simulateFolder';

export interface PreviewResponse {
  readonly result?: import('../baseStation/simulation').SimulationResult;
  /** Why there is nothing to simulate (no IPEI to request the file with). */
  readonly problem?: string;
  /** Where the base-station model came from. */
  readonly source: string;
}

export interface FleetResponse {
  readonly result: import('../baseStation/fleetResult').FleetResult;
  readonly source: string;
  /** With files of several sites: each site's run (the first is also `result` and `source`). */
  readonly sites?: readonly { readonly result: import('../baseStation/fleetResult').FleetResult; readonly source: string }[];
}

/**
 * Request `GenerateParams` → `GenerateResponse`: handset files from a CSV, validated. Reports `$/progress` on the
 * `workDoneToken` and stops early when cancelled.
 */
export const GENERATE_REQUEST = 'hsconfig/generate';

export interface GenerateParams {
  readonly csv: string;
  /** The folder URI the files are written to: its site names the profiles they are checked against. */
  readonly folder?: string;
  readonly template?: { readonly uri: string; readonly text: string };
  readonly prefix: string;
  readonly postfix: string;
  readonly workDoneToken?: string;
}

export interface GenerateResponse {
  /** Why nothing could be generated (an unusable CSV header, a template with errors). */
  readonly problem?: string;
  readonly result?: import('../deploy/generated').GenerateResult;
}

/** Request `{ text }` → `{ summary, profiles } | { problem }`: how a base station's configuration file reads. */
export const IMPORT_BASE_STATION_REQUEST = 'hsconfig/importBaseStation';

export type ImportBaseStationResponse =
  | {
      readonly summary: string;
      /** The profile names it gives. */
      readonly profiles: readonly string[];
      /** Lines that were not understood, with why (1-based line numbers). */
      readonly notes: readonly { readonly line: number; readonly message: string }[];
      /** What the user should know about the imported base station (handset provisioning off). */
      readonly warnings: readonly string[];
    }
  | { readonly problem: string };

/**
 * Request `{ text }` → `ConvertBaseConfigResponse`: a base-station config in each of the other two shapes, with what
 * each could not hold (the client offers the choice with those counts).
 */
export const CONVERT_BASE_CONFIG_REQUEST = 'hsconfig/convertBaseConfig';

export interface ConfigConversion {
  readonly shape: import('./status').ConfigShape;
  /** `XML v2`, as a person names the shape. */
  readonly label: string;
  readonly text: string;
  readonly written: number;
  readonly leftOut: readonly { readonly key: string; readonly value: string; readonly reason: string }[];
}

export type ConvertBaseConfigResponse = { readonly from: import('./status').ConfigShape; readonly fromLabel: string; readonly conversions: readonly ConfigConversion[] } | { readonly problem: string };

/** Request `{ a: { name, text }, b: { name, text } }` → `CompareBaseConfigsResponse`: what differs, P-value by P-value, as `hsconfig diff` prints it. */
export const COMPARE_BASE_CONFIGS_REQUEST = 'hsconfig/compareBaseConfigs';

export type CompareBaseConfigsResponse = { readonly same: boolean; readonly report: string; readonly changed: number; readonly added: number; readonly removed: number } | { readonly problem: string };

/**
 * Request `{ uri? }` → `ProfileSource`: the profile names the checks of that file (or folder) use, and where they
 * come from (its site); without a URI, the workspace's defaults.
 */
export const PROFILE_SOURCE_REQUEST = 'hsconfig/profileSource';

/**
 * Notification server → client, params `ProfileSource`: the base-station file or the settings changed (and open files
 * were checked again); views that depend on them (preview, fleet, status) recompute.
 */
export const BASE_STATION_CHANGED_NOTIFICATION = 'hsconfig/baseStationChanged';

export interface ProfileSource {
  readonly profiles: readonly string[];
  /**
   * `baseStation`: the site's base-station config (or model JSON) supplies them; `project`: a project file
   * (hsconfig.json); `setting`: the `hsconfig.profiles` setting.
   */
  readonly from: 'baseStation' | 'project' | 'setting';
  /** The site's base-station file (absolute), when it has one. */
  readonly file?: string;
  /** The nearest project file (hsconfig.json) that applies. */
  readonly projectFile?: string;
  /** The folder the site is rooted in. */
  readonly siteRoot?: string;
  /** Why an existing base-station file is not used. */
  readonly problem?: string;
  /** The base-station file's Config Server Path (P237), such as `prov.example.com/gs`, when the file supplies it. */
  readonly configServerPath?: string;
  /** How the base station fetches from that path (P212): `TFTP`, `HTTP` or `HTTPS`, when the file supplies it. */
  readonly configProtocol?: string;
}

/**
 * Request `{}` → `SitesResponse`: every site (base station) of the workspace that has handset files in it, and every
 * site whose config is in the workspace even with none, each with its handset files provisioned in turn on its base
 * station (open documents' text counts, unsaved edits too). The client's sites view shows it.
 */
export const SITES_REQUEST = 'hsconfig/sites';

export interface SitesResponse {
  /** Sorted by name; the workspace's defaults (files with no site) last. */
  readonly sites: readonly SiteSummary[];
}

export interface SiteSummary {
  /** Tells sites apart: the config's path, else the root folder, else '' (files with no site: the workspace's defaults). */
  readonly id: string;
  /** The root folder relative to its workspace folder (the folder's name when it is the root); "Workspace defaults" for files with no site. */
  readonly name: string;
  /** The folder the site is rooted in (absolute). */
  readonly root?: string;
  /** The base-station config (or model JSON) the site is read from (absolute). */
  readonly configFile?: string;
  /** What the config was read as ("text (Pnnn=value) config", "model JSON", …). */
  readonly kind?: string;
  /** Why the config cannot be used. */
  readonly problem?: string;
  /** What was passed over on the way (two configs in one folder, a broken project file). */
  readonly notes: readonly string[];
  /** The profile names its handset files are held to, and where they come from. */
  readonly profiles: ProfileSource;
  /** In the order the base station runs them: by name. */
  readonly handsets: readonly SiteHandset[];
}

/**
 * What provisioning the site's files in turn does with one: `applied`; `stops` (a check fails, the file changes
 * nothing); `no-slot` (no handset number left, or some lines found no account slot); `not-requested` (no handset asks
 * for it: no IPEI, or handset provisioning is off).
 */
export type HandsetStatus = 'applied' | 'stops' | 'no-slot' | 'not-requested';

export interface SiteHandset {
  readonly uri: string;
  /** Its path from the site's root (from its workspace folder for files with no site), with `/`. */
  readonly name: string;
  /** The IPEI of the handset that asks for it. */
  readonly ipei?: string;
  /** The handset number it has or gets on the base station. */
  readonly handset?: number;
  readonly status: HandsetStatus;
  /** Why it is not simply applied, in a sentence. */
  readonly reason?: string;
}

/**
 * Request `NewHandsetFileParams` → `NewHandsetFileResponse`: a new file for an IPEI, named by the base-station file's
 * prefix and postfix when one is loaded, else by the ones the client passes from its settings.
 */
export const NEW_HANDSET_FILE_REQUEST = 'hsconfig/newHandsetFile';

export interface NewHandsetFileParams {
  readonly ipei: string;
  /** The folder URI the file goes in: its site's base station names it (P27015, P27016). */
  readonly folder?: string;
  readonly prefix: string;
  readonly postfix: string;
}

export type NewHandsetFileResponse =
  | { readonly folder: string; readonly name: string; readonly text: string; /** Where the name's prefix and postfix came from. */ readonly namedBy: string }
  | { readonly problem: string };

/**
 * Request `{ textDocument: { uri }, position }` → `string | null`: the snippet that closes the tag the user just
 * opened by typing `>` or `</` right before `position` (the client inserts it, as VS Code's HTML support does).
 */
export const AUTO_CLOSE_TAG_REQUEST = 'hsconfig/autoCloseTag';

/** Request `{ profiles }` → `SchemaResponse`: the XML Schema (XSD) of handset files for those profile names. */
export const SCHEMA_REQUEST = 'hsconfig/schema';

export type SchemaResponse = { readonly xsd: string } | { readonly problem: string };

/**
 * Request `{ text }` → `IpeiForName`: the `<ipei>` an encrypted handset file is named after, read from the plaintext
 * by the server's XML reader (the client has none), or why the file cannot be named.
 */
export const HANDSET_IPEI_REQUEST = 'hsconfig/handsetIpei';

/** With the file's `uri`: the prefix and postfix its site names it by, when its base station or project file says. */
export type IpeiForName = { readonly ipei: string; readonly prefix?: string; readonly postfix?: string } | { readonly problem: string };
