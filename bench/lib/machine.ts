/** A one-paragraph description of the machine a benchmark ran on, for result tables in docs/. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineDescription {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly os: string;
  readonly node: string;
}

/** The CPU model as /proc/cpuinfo or Node reports it. */
function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) return match[1].trim();
  } catch {
    // not Linux: fall back to Node's view
  }
  return os.cpus()[0]?.model.trim() || 'unknown CPU';
}

export function describeMachine(): MachineDescription {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
    os: `${os.type()} ${os.release()}`,
    node: `Node ${process.version}`,
  };
}

/** `AMD EPYC, 2 cores, 23 GiB RAM, Linux 6.1.0, Node v20.20.2` */
export function machineLine(machine: MachineDescription): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memory}, ${machine.os}, ${machine.node}`;
}
