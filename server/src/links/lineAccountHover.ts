// For hover on a line's `<user_id>`: which account the line would take on the document's site's base station, as one
// provisioning: the handset's lines this file no longer lists are removed first, then the lines above this one in
// the same file are applied in order.

import { elementValue, type XmlElement } from '../xml/parser';
import { planProvisioning, type LineAccount } from '../baseStation/accounts';
import { describeHsMode, handsetsUsing, profileByName, type BaseStation } from '../../../shared/baseStation/model';
import type { HoverParticipant } from '../handset/participants';

/** The hover on a line's `<user_id>`, contributed to the handset language: only where the document's site describes a base station. */
export function lineAccountHover(baseStation: (uri: string) => BaseStation | undefined): HoverParticipant {
  return {
    valueHover: ({ uri, text, element }) => {
      const model = baseStation(uri);
      return model && element.name === 'user_id' && element.parent ? describeLineAccount(model, text, element.parent) : undefined;
    },
  };
}

export function describeLineAccount(model: BaseStation, text: string, line: XmlElement): string | undefined {
  const mine = lineAccount(model, text, line);
  if (!mine) return undefined;
  const lines = (line.parent?.children ?? []).filter((c) => c.name === 'line');
  const wanted = lines.flatMap((l) => (l === line ? [mine] : (lineAccount(model, text, l) ?? [])));
  const handset = handsetOf(model, text, line);
  const plan = planProvisioning(model, handset, wanted).lines[wanted.indexOf(mine)];
  const who = `\`${mine.userId}\` on ${model.profiles[mine.profile - 1].name}`;
  switch (plan?.kind) {
    case 'reuse': {
      const a = model.accounts[plan.slot - 1];
      if (a.userId !== mine.userId) return `**Shares account ${plan.slot}** with a line above, which writes ${who} there.`;
      const on = handsetsUsing(model, plan.slot).map((n) => `HS${n}`).join(', ') || 'no handset';
      return `**Reuses account ${plan.slot}:** the base station already has ${who} (HS mode ${describeHsMode(a.hsMode)}, on ${on}).`;
    }
    case 'new':
      return `**Needs a new account:** no account has ${who}; this line takes slot ${plan.slot}, the first empty one.`;
    case 'replace':
      return `**Needs a new account:** no account has ${who} and every slot is in use; this line replaces account ${plan.slot} (\`${plan.previous.userId}\`), the first that is on no handset${freedHere(model, handset, plan.slot)}.`;
    default:
      return `**No account slot left:** no account has ${who}, no slot is empty and every account is on a handset, so the base station cannot apply this line.`;
  }
}

/** The handset that fetches this file: the one registered with the file's `<ipei>`. */
function handsetOf(model: BaseStation, text: string, line: XmlElement): number | undefined {
  const ipei = line.parent?.parent?.children.find((c) => c.name === 'ipei');
  const value = ipei ? elementValue(text, ipei).value.toLowerCase() : '';
  return value ? model.handsets.find((h) => h.ipei === value)?.number : undefined;
}

function freedHere(model: BaseStation, handset: number | undefined, slot: number): string {
  return handset !== undefined && handsetsUsing(model, slot).includes(handset) ? ` once this file has removed it from HS${handset}` : '';
}

/** The line's profile and user ID, when the profile is on the base station and the user ID is set. */
function lineAccount(model: BaseStation, text: string, line: XmlElement): LineAccount | undefined {
  const value = (name: string) => {
    const el = line.children.find((c) => c.name === name);
    return el ? elementValue(text, el).value : '';
  };
  const profile = profileByName(model, value('profile_name'));
  const userId = value('user_id');
  return profile && userId ? { profile: profile.index, userId } : undefined;
}
