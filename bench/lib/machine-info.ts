import { spawnSync } from 'node:child_process';
import { arch, availableParallelism, cpus, platform, release, totalmem } from 'node:os';

/** The machine a run was measured on: figures from different machines do not compare. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemoryMb: number;
  os: string;
  node: string;
  redis: string;
}

export function machineInfo(): MachineInfo {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    redis: redisServerVersion(),
  };
}

/** The redis-server the benchmarks start (the one on PATH), e.g. "7.0.15". */
function redisServerVersion(): string {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return /v=(\S+)/.exec(probe.stdout ?? '')?.[1] ?? 'unknown';
}
