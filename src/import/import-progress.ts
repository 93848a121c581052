import { Presets, SingleBar } from 'cli-progress';

/** Progress of a long import: a bar on a terminal, a line per 10% in a log. */
export interface ImportProgress {
  update(done: number): void;
  stop(): void;
}

export function importProgress(
  total: number,
  label: string,
  out: NodeJS.WriteStream = process.stderr,
): ImportProgress {
  if (out.isTTY) {
    const bar = new SingleBar(
      { format: `${label} [{bar}] {value}/{total} messages`, stream: out },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let reported = 0;
  return {
    update(done) {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      while (reported < tenth) {
        reported += 1;
        out.write(`${label}: ${reported * 10}% (${Math.min(done, total)}/${total} messages)\n`);
      }
    },
    stop() {},
  };
}
