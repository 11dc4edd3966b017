// Which handset asks for a file, and the base station a preview runs against when none is described.

import { ipeiFromFileName } from '../../../shared/domain/ipei';
import { ipeiForFileName } from '../domain/handsetFileIpei';
import { factoryDefault, type BaseStation } from '../../../shared/baseStation/model';

/**
 * The IPEI of the handset that would fetch this file: the one in its name, since that is what the base station
 * requests; for a file whose name holds no IPEI, its own `<ipei>`.
 */
export function requesterIpei(text: string, fileName: string): string | undefined {
  const fromName = ipeiFromFileName(fileName.split(/[\\/]/).pop() ?? fileName);
  if (fromName) return fromName.toLowerCase();
  const own = ipeiForFileName(text);
  return 'ipei' in own ? own.ipei.toLowerCase() : undefined;
}

/** A factory-fresh base station with handset provisioning switched on, for previews without a described one. */
export function factoryWithProvisioning(): BaseStation {
  const model = factoryDefault();
  model.provisioning.handsetProvisioning = true;
  return model;
}

export const FACTORY_SOURCE = 'factory default with handset provisioning on';
