// Runs one command and measures it: wall time, user+sys CPU and peak RSS of the process (and its
// children), through GNU time when available, else by polling /proc/<pid>.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measurement {
  wallS: number;
  cpuS: number;
  maxRssKb: number;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';
let gnuTime: boolean | undefined;

function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    try {
      fs.accessSync(GNU_TIME, fs.constants.X_OK);
      gnuTime = true;
    } catch {
      gnuTime = false;
    }
  }
  return gnuTime;
}

const CLK_TCK = 100;

/** utime+stime (s) and VmHWM (kB) of a live (or zombie, not yet reaped) process. */
function procSample(pid: number): { cpuS: number; hwmKb: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuS = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLK_TCK;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+)/.exec(status);
    return { cpuS, hwmKb: hwm ? Number(hwm[1]) : 0 };
  } catch {
    return undefined;
  }
}

export async function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measurement> {
  const useTime = hasGnuTime();
  const timeFile = path.join(os.tmpdir(), `pgdump-bench-time-${process.pid}-${Date.now()}`);
  const [bin, argv] = useTime ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const child = spawn(bin, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  let last: { cpuS: number; hwmKb: number } | undefined;
  const poll = useTime ? undefined : setInterval(() => { last = procSample(child.pid!) ?? last; }, 20);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  const wall = (performance.now() - t0) / 1000;
  if (poll) clearInterval(poll);
  const stderr = Buffer.concat(err).toString();
  if (code !== 0) {
    fs.rmSync(timeFile, { force: true });
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${code}:\n${stderr.trim().split('\n').slice(-15).join('\n')}`);
  }
  const stdout = Buffer.concat(out).toString();
  if (!useTime) return { wallS: wall, cpuS: last?.cpuS ?? NaN, maxRssKb: last?.hwmKb ?? NaN, stdout };
  const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!;
  fs.rmSync(timeFile, { force: true });
  const [, user, sys, rss] = line.split(' ').map(Number);
  return { wallS: wall, cpuS: user! + sys!, maxRssKb: rss!, stdout };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
