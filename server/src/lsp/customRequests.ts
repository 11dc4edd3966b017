// The hsconfig-specific requests (shared/protocol/protocol.ts) the VS Code client sends beside standard LSP: status,
// checking text that is not open, the preview and folder simulation, generation from a CSV, base-station import, the
// XSD and the IPEI an encrypted file is named after (the client has neither catalogue nor XML reader).

import { RequestType, WorkDoneProgress, type CancellationToken, type Connection, type Position, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { simulateFleet } from '../baseStation/fleet';
import type { FleetFile } from '../../../shared/baseStation/fleetResult';
import { checkBaseStationConfig } from '../baseStation/configCheck';
import type { BaseStation } from '../../../shared/baseStation/model';
import { requesterIpei } from '../baseStation/requester';
import { simulate } from '../baseStation/simulate';
import { generateHandsets } from '../deploy/generateHandsets';
import { newHandsetFile } from '../deploy/newHandsetFile';
import type { Site } from '../sites/sites';
import { readHandsetList, readTemplateText } from '../deploy/prepareGeneration';
import type { LanguageService } from '../handset/languageService';
import type { BaseConfigService } from '../baseConfig/baseConfigService';
import { fileInFolder, type ServerSites } from './serverSites';
import { ipeiForFileName } from '../domain/handsetFileIpei';
import { schemaResponse } from '../schema/schemaResponse';
import { comparison, conversions } from '../baseConfig/configTools';
import {
  AUTO_CLOSE_TAG_REQUEST,
  BASE_CONFIG_STATUS_REQUEST,
  COMPARE_BASE_CONFIGS_REQUEST,
  CONVERT_BASE_CONFIG_REQUEST,
  DOCUMENT_STATUS_REQUEST,
  GENERATE_REQUEST,
  HANDSET_IPEI_REQUEST,
  IMPORT_BASE_STATION_REQUEST,
  NEW_HANDSET_FILE_REQUEST,
  PREVIEW_REQUEST,
  PROFILE_SOURCE_REQUEST,
  SCHEMA_REQUEST,
  SIMULATE_FOLDER_REQUEST,
  VALIDATE_TEXT_REQUEST,
  type CompareBaseConfigsResponse,
  type ConvertBaseConfigResponse,
  type FleetResponse,
  type GenerateParams,
  type GenerateResponse,
  type IpeiForName,
  type ImportBaseStationResponse,
  type NewHandsetFileParams,
  type NewHandsetFileResponse,
  type PreviewResponse,
  type ProfileSource,
  type SchemaResponse,
} from '../../../shared/protocol/protocol';
import { HANDSET_LANGUAGE_ID } from '../../../shared/languageIds';

export interface RequestContext {
  readonly connection: Connection;
  readonly service: LanguageService;
  /** The base-station config language (hsconfig-base). */
  readonly baseConfig: BaseConfigService;
  readonly documents: TextDocuments<TextDocument>;
  /** Each file's site: the base station its previews run against, and where it came from. */
  readonly sites: ServerSites;
  /** The profile names a file's checks use and where they come from (without a URI, the workspace's). */
  profileSource(uri?: string): ProfileSource;
}

export function registerCustomRequests(ctx: RequestContext): void {
  const { connection, service, documents } = ctx;
  const open = (uri: string) => documents.get(uri);

  connection.onRequest(DOCUMENT_STATUS_REQUEST, (p: { textDocument: { uri: string } }) => {
    const doc = open(p.textDocument.uri);
    return doc ? service.getDocumentStatus(doc) : null;
  });

  connection.onRequest(BASE_CONFIG_STATUS_REQUEST, (p: { textDocument: { uri: string } }) => {
    const doc = open(p.textDocument.uri);
    return doc ? ctx.baseConfig.getStatus(doc) : null;
  });

  connection.onRequest(AUTO_CLOSE_TAG_REQUEST, (p: { textDocument: { uri: string }; position: Position }) => {
    const doc = open(p.textDocument.uri);
    return doc ? service.doTagComplete(doc, p.position) : null;
  });

  connection.onRequest(VALIDATE_TEXT_REQUEST, (p: { uri: string; text: string }) => {
    const diagnostics = service.doValidation(TextDocument.create(p.uri, HANDSET_LANGUAGE_ID, 0, p.text));
    if (!open(p.uri)) service.forget(p.uri);
    return diagnostics;
  });

  connection.onRequest(PREVIEW_REQUEST, (p: { textDocument: { uri: string } }): PreviewResponse | null => {
    const doc = open(p.textDocument.uri);
    if (!doc) return null;
    const { model, source } = ctx.sites.preview(doc.uri);
    const ipei = requesterIpei(doc.getText(), URI.parse(doc.uri).path);
    if (!ipei) return { source, problem: 'Neither the file name nor <ipei> holds a 10-hex-digit IPEI, so no handset would ask for this file.' };
    return { source, result: simulate(model, ipei, doc.getText(), service.parse(doc)) };
  });

  connection.onRequest(SIMULATE_FOLDER_REQUEST, (p: { files: FleetFile[]; folder?: string }): FleetResponse => simulateSites(ctx, p.files, p.folder));

  connection.onRequest(PROFILE_SOURCE_REQUEST, (p?: { uri?: string } | null) => ctx.profileSource(typeof p?.uri === 'string' ? p.uri : undefined));

  connection.onRequest(GENERATE_REQUEST, (p: GenerateParams, token: CancellationToken) => generate(ctx, p, token));

  connection.onRequest(new RequestType<{ text: string }, ImportBaseStationResponse, void>(IMPORT_BASE_STATION_REQUEST), (p) => checkBaseStationConfig(p.text));

  connection.onRequest(new RequestType<{ profiles: string[] }, SchemaResponse, void>(SCHEMA_REQUEST), schemaResponse);

  connection.onRequest(new RequestType<{ text?: unknown; name?: unknown }, ConvertBaseConfigResponse, void>(CONVERT_BASE_CONFIG_REQUEST), (p) =>
    typeof p?.text === 'string' ? conversions(p.text, typeof p.name === 'string' ? p.name : undefined) : { problem: 'no text was sent' },
  );

  connection.onRequest(new RequestType<{ a?: { name: string; text: string }; b?: { name: string; text: string } }, CompareBaseConfigsResponse, void>(COMPARE_BASE_CONFIGS_REQUEST), (p) =>
    typeof p?.a?.text === 'string' && typeof p?.b?.text === 'string' ? comparison({ name: String(p.a.name), text: p.a.text }, { name: String(p.b.name), text: p.b.text }) : { problem: 'two texts were not sent' },
  );

  connection.onRequest(new RequestType<{ text: string; uri?: string }, IpeiForName, void>(HANDSET_IPEI_REQUEST), (p) => {
    if (typeof p?.text !== 'string') return { problem: 'no text was sent' };
    const found = ipeiForFileName(p.text);
    // The file's site names it when its base station or project file says how.
    const named = 'ipei' in found && typeof p.uri === 'string' ? siteFileAffixes(ctx.sites.of(p.uri)) : undefined;
    return named ? { ...found, prefix: named.prefix, postfix: named.postfix } : found;
  });

  connection.onRequest(new RequestType<NewHandsetFileParams, NewHandsetFileResponse, void>(NEW_HANDSET_FILE_REQUEST), (p) => {
    const { affixes, namedBy } = siteAffixes(ctx, p);
    try {
      return { ...newHandsetFile(p.ipei, affixes), namedBy };
    } catch (err) {
      return { problem: `${(err as Error).message} (prefix and postfix from ${namedBy})` };
    }
  });
}

/** A folder's handset files provisioned in turn, each site's on its own base station (the site of each file's URI). */
function simulateSites(ctx: RequestContext, files: readonly FleetFile[], folder: string | undefined): FleetResponse {
  const folderFile = fileInFolder(folder);
  const groups = new Map<string, { source: string; model: BaseStation; files: FleetFile[] }>();
  for (const file of files) {
    const { model, source, site } = ctx.sites.preview(typeof file.uri === 'string' ? file.uri : folderFile);
    const group = groups.get(site.id) ?? { source, model, files: [] };
    group.files.push({ name: file.name, text: file.text, ipei: file.ipei });
    groups.set(site.id, group);
  }
  if (groups.size === 0) {
    const { model, source } = ctx.sites.preview(folderFile);
    return { source, result: simulateFleet(model, []) };
  }
  const runs = [...groups.values()].map((g) => ({ source: g.source, result: simulateFleet(g.model, g.files) }));
  return runs.length === 1 ? runs[0] : { ...runs[0], sites: runs };
}

/** The prefix and postfix files in a folder are named by: its site's base station, else its project file, else the client's settings. */
function siteAffixes(ctx: RequestContext, p: { folder?: string; prefix: string; postfix: string }): { affixes: { prefix: string; postfix: string }; namedBy: string } {
  const named = siteFileAffixes(ctx.sites.of(fileInFolder(p.folder)));
  return named ? { affixes: named, namedBy: named.namedBy } : { affixes: { prefix: p.prefix, postfix: p.postfix }, namedBy: 'the settings hsconfig.handsetFilePrefix and hsconfig.handsetFilePostfix' };
}

/** The prefix and postfix a site's base station names its files by (P27015, P27016), else its project file's, if either says. */
function siteFileAffixes(site: Site): { prefix: string; postfix: string; namedBy: string } | undefined {
  const { project } = site;
  if (site.model) return { prefix: site.model.provisioning.filePrefix, postfix: site.model.provisioning.filePostfix, namedBy: `the base station in ${site.configFile}` };
  if (project.handsetFilePrefix === undefined && project.handsetFilePostfix === undefined) return undefined;
  return { prefix: project.handsetFilePrefix ?? 'ipei_', postfix: project.handsetFilePostfix ?? '', namedBy: `the project file ${site.projectFiles[0]}` };
}

async function generate(ctx: RequestContext, p: GenerateParams, token: CancellationToken): Promise<GenerateResponse> {
  const { connection, service } = ctx;
  const list = readHandsetList(p.csv);
  if ('problem' in list) return { problem: list.problem };
  const template = p.template && readTemplateText(p.template.uri, p.template.text, service);
  if (template && !template.config) return { problem: `the template has errors that would spoil every file: ${template.diagnostics.map((d) => d.message).join(' ')}` };
  const progress = p.workDoneToken;
  const result = await generateHandsets(
    { ...list, template: template?.config, fileName: siteAffixes(ctx, p).affixes, profiles: service.settingsFor(fileInFolder(p.folder) ?? '').profiles },
    {
      isCancelled: () => token.isCancellationRequested,
      onProgress: (done, total) => {
        if (progress === undefined || (done % 50 !== 0 && done !== total)) return;
        void connection.sendProgress(WorkDoneProgress.type, progress, { kind: 'report', message: `${done} of ${total} rows`, percentage: Math.round((100 * done) / total) });
      },
    },
  );
  return { result };
}
