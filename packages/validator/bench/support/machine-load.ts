/**
 * The machine's 1-minute load average, so that a reader can tell a quiet run from a busy one. It
 * counts every runnable thread of the machine, the bench's own included: a bench keeping one core
 * busy adds about 1 to the figure at its end. Windows reports no load average (Node gives 0).
 */
export function describeLoad(
  moment: 'start' | 'end',
  oneMinuteLoad: number,
  cores: number,
  platform: NodeJS.Platform,
): string {
  if (platform === 'win32') return `load average at ${moment}: not reported on Windows`;
  const own = moment === 'end' ? ', this bench included' : '';
  return `load average (1 min) at ${moment}: ${oneMinuteLoad.toFixed(2)} on ${cores} cores${own}`;
}
