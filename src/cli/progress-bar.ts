/** Human progress of a run on stderr: a redrawn bar on a TTY, one line per epoch otherwise (a log stays readable). */
import type { RunEvent } from '../shared/runs';

const WIDTH = 24;

function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

function formatMetrics(label: string, m: { loss: number; accuracy: number | null } | null): string {
  if (!m) return '';
  return ` ${label} loss ${m.loss.toPrecision(4)}${m.accuracy === null ? '' : ` acc ${(m.accuracy * 100).toFixed(1)}%`}`;
}

export class ProgressBar {
  private lastLoss = Number.NaN;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  /** Redraw the bar, or log the epochs that ended, for one run event. */
  update(event: RunEvent): void {
    if (event.type === 'progress') {
      const last = event.loss.at(-1);
      if (last) this.lastLoss = last[1];
      if (!this.stream.isTTY) {
        for (const e of event.epochs)
          this.stream.write(`epoch ${e.epoch + 1}:${formatMetrics('train', e.train)}${formatMetrics('val', e.validation)}\n`);
        return;
      }
      const fraction = event.totalIterations ? Math.min(1, event.iteration / event.totalIterations) : 0;
      const filled = Math.round(fraction * WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      const line =
        `${bar} ${(fraction * 100).toFixed(0).padStart(3)}% epoch ${event.epoch + 1} it ${event.iteration}` +
        `${event.totalIterations ? `/${event.totalIterations}` : ''} loss ${this.lastLoss.toPrecision(4)} ` +
        `${Math.round(event.samplesPerSecond)} samples/s ETA ${formatSeconds(event.etaSeconds)}`;
      this.stream.write(`\r${line.slice(0, (this.stream.columns || 100) - 1)}\x1b[K`);
      this.drawn = true;
    }
  }

  /** End the bar's line so that later output starts on a fresh line. */
  end(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
