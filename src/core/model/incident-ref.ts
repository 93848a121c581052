/** Identifies an incident: numbers are per workspace, so the workspace is part of the identity. */
export interface IncidentRef {
  platform: string;
  workspace: string;
  number: number;
}

export interface WorkspaceRef {
  platform: string;
  workspace: string;
}

/** `slack:T123:INC-4`: namespaced like vercel/chat ids, readable in logs. */
export function incidentKey(ref: IncidentRef): string {
  return `${ref.platform}:${ref.workspace}:INC-${ref.number}`;
}

export function parseIncidentKey(key: string): IncidentRef | undefined {
  const match = /^([^:]+):(.+):INC-(\d+)$/.exec(key);
  if (!match) return undefined;
  return { platform: match[1] as string, workspace: match[2] as string, number: Number(match[3]) };
}

export function incidentLabel(number: number): string {
  return `INC-${number}`;
}
