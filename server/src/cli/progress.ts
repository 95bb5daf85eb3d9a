import type { Locale } from '../core/service';

// The progress line of a long run, on a terminal only: `检查中 120/2000 …`, rewritten in place with \r
// and cleared before the results are printed. Never written to a pipe or a file (tests, CI, `2> log`):
// there it would only be noise.

/** A run this long, or with this many files, shows it. */
const AFTER_MS = 1000;
const MANY_FILES = 50;
/** Rewritten at most this often: a terminal need not redraw 2,000 times. */
const EVERY_MS = 100;

export class Progress {
  private readonly start = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly write: (s: string) => void, private readonly total: number, private readonly locale: Locale) {}

  tick(done: number): void {
    const now = Date.now();
    if (now - this.last < EVERY_MS) return;
    if (!this.shown && this.total <= MANY_FILES && now - this.start < AFTER_MS) return;
    this.last = now;
    this.shown = true;
    this.write(`\r${this.locale === 'en' ? 'Checking' : '检查中'} ${done}/${this.total} …\x1b[K`);
  }

  /** Erases the line, so that what follows starts at the left margin of a clean line. */
  clear(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}
