// The answer to the client's hsconfig/schema request: the XSD for the profile names it sends, or why there is none.

import type { SchemaResponse } from '../../../shared/protocol/protocol';
import { generateXsd } from './xsd';

export function schemaResponse(params: unknown): SchemaResponse {
  const sent = (params as { profiles?: unknown } | null | undefined)?.profiles;
  const profiles = Array.isArray(sent) ? sent.filter((n): n is string => typeof n === 'string') : undefined;
  try {
    return { xsd: generateXsd({ profiles }) };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}
