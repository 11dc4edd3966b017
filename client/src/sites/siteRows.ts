// The sites view's rows, from the server's hsconfig/sites answer: a row per site, and under it its base station (or
// where its profile names come from) and its handset files with what the base station does with each. Pure (no
// `vscode`), so plain-Node tests cover it; sitesView.ts turns the rows into tree items.

import type { ProfileSource, SiteHandset, SiteSummary } from '../../../shared/protocol/protocol';

/** What clicking a row opens: a file (a path), a document (a URI), or a setting. */
export type RowOpen = { readonly file: string } | { readonly uri: string } | { readonly setting: string };

export interface SiteRow {
  /** Unique in the tree and stable across refreshes (it keeps a row's expansion). */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip: string;
  /** A codicon name. */
  readonly icon: string;
  /** Shown in the warning colour. */
  readonly warning?: boolean;
  /** The file or folder the row stands for: what the menus' commands act on. */
  readonly resource?: { readonly file: string } | { readonly uri: string };
  readonly open?: RowOpen;
  /** The menus' `viewItem`: a site with a folder can be simulated, a handset file previewed. */
  readonly contextValue?: 'site' | 'baseStation' | 'handsetFile';
  readonly children: readonly SiteRow[];
}

export function siteRows(sites: readonly SiteSummary[]): SiteRow[] {
  return sites.map(siteRow);
}

function siteRow(site: SiteSummary): SiteRow {
  const troubled = site.handsets.filter((h) => h.status !== 'applied').length;
  const count = `${site.handsets.length} handset ${site.handsets.length === 1 ? 'file' : 'files'}`;
  return {
    id: `site:${site.id}`,
    label: site.name,
    description: troubled ? `${count} · ${troubled} not applied` : count,
    tooltip: [site.root ?? 'Handset files that have no base-station config in their folder or above it.', profilesLine(site.profiles), ...site.notes].join('\n'),
    icon: site.root === undefined ? 'globe' : 'server-environment',
    resource: site.root === undefined ? undefined : { file: site.root },
    contextValue: site.root === undefined ? undefined : 'site',
    children: [baseStationRow(site), ...site.handsets.map(handsetRow)],
  };
}

/** The site's config, or, with none, where its profile names come from. */
function baseStationRow(site: SiteSummary): SiteRow {
  const id = `base:${site.id}`;
  const { configFile, profiles } = site;
  if (configFile) {
    const problem = site.problem ? `Not usable: ${site.problem}` : undefined;
    return {
      id,
      label: `Base station: ${baseName(configFile)}`,
      description: problem ? 'not usable' : profiles.profiles.join(', '),
      tooltip: [configFile, site.kind, problem, profilesLine(profiles)].filter(Boolean).join('\n'),
      icon: problem ? 'warning' : 'server',
      warning: problem !== undefined,
      resource: { file: configFile },
      open: { file: configFile },
      contextValue: 'baseStation',
      children: [],
    };
  }
  const project = profiles.from === 'project' ? profiles.projectFile : undefined;
  return {
    id,
    label: 'No base-station config',
    description: project ? `profiles from ${baseName(project)}` : 'profiles from the settings',
    tooltip: profilesLine(profiles),
    icon: project ? 'json' : 'settings-gear',
    open: project ? { file: project } : { setting: 'hsconfig.profiles' },
    children: [],
  };
}

function handsetRow(file: SiteHandset): SiteRow {
  const warning = file.status === 'stops' || file.status === 'no-slot';
  return {
    id: `file:${file.uri}`,
    label: baseName(file.name),
    description: handsetDescription(file),
    tooltip: [file.name, file.ipei && `IPEI ${file.ipei}`, file.reason].filter(Boolean).join('\n'),
    icon: warning ? 'warning' : file.status === 'not-requested' ? 'circle-slash' : 'device-mobile',
    warning,
    resource: { uri: file.uri },
    open: { uri: file.uri },
    contextValue: 'handsetFile',
    children: [],
  };
}

/** "HS1 · applied", "HS2 · stops: <reason>", "no slot", "not requested". */
export function handsetDescription(file: SiteHandset): string {
  const outcome = file.status === 'applied' ? 'applied' : file.status === 'stops' ? `stops: ${file.reason ?? 'a check fails'}` : file.status === 'no-slot' ? 'no slot' : 'not requested';
  return file.handset === undefined ? outcome : `HS${file.handset} · ${outcome}`;
}

const FROM: Record<ProfileSource['from'], string> = { baseStation: 'the base-station config', project: 'the project file', setting: 'the hsconfig.profiles setting' };

function profilesLine(profiles: ProfileSource): string {
  return `Profiles: ${profiles.profiles.join(', ')} (from ${FROM[profiles.from]})`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
