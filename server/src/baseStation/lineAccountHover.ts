// For hover on a line's `<user_id>`: which account the line would take on the workspace's base station, counting
// the lines above it in the same file, as the base station applies them in order.

import { elementValue, type XmlElement } from '../languageService/parser';
import { planLines, type LineAccount } from './accounts';
import { describeHsMode, handsetsUsing, profileByName, type BaseStation } from './model';

export function describeLineAccount(model: BaseStation, text: string, line: XmlElement): string | undefined {
  const mine = lineAccount(model, text, line);
  if (!mine) return undefined;
  const earlier = (line.parent?.children ?? []).filter((c) => c.name === 'line' && c.span.start < line.span.start);
  const before = earlier.map((l) => lineAccount(model, text, l)).filter((l): l is LineAccount => l !== undefined);
  const plan = planLines(model, [...before, mine]).at(-1);
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
      return `**Needs a new account:** no account has ${who} and every slot is in use; this line replaces account ${plan.slot} (\`${plan.previous.userId}\`), the first that is on no handset.`;
    default:
      return `**No account slot left:** no account has ${who}, no slot is empty and every account is on a handset, so the base station cannot apply this line.`;
  }
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
