// The server paths the base station provisions and upgrades from, and the provisioners that compete with them: a
// path written as a URL (the protocol is a P-value of its own), a path without a host, and DHCP option 66 or 3CX
// auto provisioning taking over while the file sets a config server path.

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CONFIG_SERVER, DHCP_OVERRIDES_CONFIG_SERVER, FIRMWARE_SERVER, lookup, optionLabel, THREE_CX_PROVISIONING, type ServerPath } from './catalogue';
import { BaseCode } from './codes';
import type { Collector, FixData, SpanEdit } from './diagnosticCollector';
import { lineBelow, settingText } from './lineEdits';
import type { BaseConfigDocument, Setting } from './parser';
import type { PValueEntry } from './types';
import { readNumber } from './values';

const { Warning: W, Information: I } = DiagnosticSeverity;

/** The setting that wins for each P-number: the last one (see checkTwice). */
export type LastSettings = ReadonlyMap<number, Setting>;

export function checkServerPaths(parsed: BaseConfigDocument, last: LastSettings, out: Collector): void {
  for (const server of [CONFIG_SERVER, FIRMWARE_SERVER]) {
    const path = last.get(server.path);
    if (!path || path.value === '') continue;
    checkPath(path, server, parsed, last, out);
    if (server === CONFIG_SERVER) competingProvisioners(path, parsed, last, out);
  }
}

const SCHEME = /^([A-Za-z][\w+.-]*):\/\//;

function checkPath(path: Setting, server: ServerPath, parsed: BaseConfigDocument, last: LastSettings, out: Collector): void {
  const label = `P${server.path} (${path.entry?.name})`;
  const scheme = SCHEME.exec(path.value);
  const rest = scheme ? path.value.slice(scheme[0].length) : path.value;
  if (scheme) {
    // The fix removes the scheme as the file writes it; an XML file that spells it with entities gets none.
    const written = parsed.text.startsWith(scheme[0], path.valueSpan.start);
    const span = written ? { start: path.valueSpan.start, end: path.valueSpan.start + scheme[0].length } : path.valueSpan;
    const via = viaWords(scheme[1], server, last);
    const strip = { span, text: '' };
    // Where the scheme disagrees with the protocol P-value, the scheme may be what was meant: a second fix sets it.
    const setVia = via.setTo === undefined ? undefined : setValue(lookup(`P${server.via}`) as PValueEntry, last.get(server.via), path, via.setTo, parsed);
    out.add(W, BaseCode.ServerPathScheme, span, `${label} takes a server and path without "${scheme[0]}": the protocol is set by ${via.words}`, {
      fixes: written ? [out.fix(`Remove "${scheme[0]}"`, [strip], true), ...(setVia ? [out.fix(`Remove "${scheme[0]}" and set P${server.via}=${via.setTo}`, [strip, setVia])] : [])] : [],
    });
  }
  if (rest === '' || rest.startsWith('/')) {
    out.add(W, BaseCode.ServerPathNoHost, path.valueSpan, `${label} names no server${rest.startsWith('/') ? `: it starts with "/", and the base station reads what stands before the first "/" as the server` : ''}. Write the host first, as in provisioning.example.com/dect.`);
  }
}

/** What the protocol P-value says, whether it agrees with the scheme written, and the value the scheme means if not. */
function viaWords(scheme: string, server: ServerPath, last: LastSettings): { words: string; setTo?: string } {
  const via = lookup(`P${server.via}`) as PValueEntry;
  const set = last.get(server.via);
  const value = set?.value ?? via.default;
  const meant = via.options?.find(([, words]) => words.split(' ')[0].toLowerCase() === scheme.toLowerCase());
  const now = `P${via.p} (${via.name}), ${set ? 'set here' : 'not set here, so the base station keeps its own; the template has'} ${value} (${optionLabel(via, value) ?? 'not a known protocol'})`;
  if (!meant) return { words: `${now}. The base station speaks TFTP, HTTP or HTTPS; "${scheme}" is none of them.` };
  if (readNumber(value, 'xml-v2') === Number(meant[0])) return { words: `${now}, which agrees.` };
  return { words: `${now}, not ${meant[0]} (${meant[1]}) as "${scheme}://" says: set P${via.p}=${meant[0]} if ${scheme.toUpperCase()} is meant.`, setTo: meant[0] };
}

/** DHCP option 66 (P145, on by default) and 3CX auto provisioning (P1414, on by default) take over from P237. */
function competingProvisioners(path: Setting, parsed: BaseConfigDocument, last: LastSettings, out: Collector): void {
  const dhcp = switchedOn(DHCP_OVERRIDES_CONFIG_SERVER, last);
  if (dhcp) {
    const reboot = dhcp.entry.reboot ? ' (after a reboot)' : '';
    out.add(I, BaseCode.DhcpOverridesServer, path.keySpan, `DHCP option 66 overrides this Config Server Path: P${dhcp.entry.p} (${dhcp.entry.name}) is 1${dhcp.setting ? '' : ' by default'}, so a DHCP server that offers option 66 sends the base station to its own server and protocol. Set P${dhcp.entry.p}=0 to make P${CONFIG_SERVER.path} the one used${reboot}.`, {
      fixes: switchOff(dhcp, path, parsed, out),
    });
  }
  const threeCx = switchedOn(THREE_CX_PROVISIONING, last);
  if (threeCx) {
    out.add(I, BaseCode.ThreeCxProvisioning, path.keySpan, `3CX auto provisioning is on: P${threeCx.entry.p} (${threeCx.entry.name}) is 1${threeCx.setting ? '' : ' by default'}, so a 3CX phone system on the network may provision the base station in place of P${CONFIG_SERVER.path} (an assumption: the vendor does not say which wins). Set P${threeCx.entry.p}=0 unless a 3CX system provisions it.`, {
      fixes: switchOff(threeCx, path, parsed, out),
    });
  }
}

interface OnSwitch {
  readonly entry: PValueEntry;
  /** Where the file turns it on; none when it is on by default. */
  readonly setting?: Setting;
}

function switchedOn(p: number, last: LastSettings): OnSwitch | undefined {
  const entry = lookup(`P${p}`) as PValueEntry;
  const setting = last.get(p);
  const value = setting && setting.value !== '' ? setting.value : entry.default;
  return readNumber(value, 'xml-v2') === 1 ? { entry, ...(setting && { setting }) } : undefined;
}

/** Set it to 0 where the file sets it, or add it below the server path. */
function switchOff(on: OnSwitch, path: Setting, parsed: BaseConfigDocument, out: Collector): FixData[] {
  const edit = setValue(on.entry, on.setting, path, '0', parsed);
  return edit ? [out.fix(`Set P${on.entry.p}=0`, [edit])] : [];
}

/** Sets a P-value where the file sets it, or on a line of its own below `anchor` (none in v2 for a P-value without an item name). */
function setValue(entry: PValueEntry, setting: Setting | undefined, anchor: Setting, value: string, parsed: BaseConfigDocument): SpanEdit | undefined {
  if (setting) return { span: setting.valueSpan, text: value };
  const line = settingText(parsed.shape, entry, value);
  return line === undefined ? undefined : lineBelow(parsed.text, anchor.span, line);
}
