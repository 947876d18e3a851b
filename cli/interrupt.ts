// SIGINT and SIGTERM during a run: the first stops new cases (vitest's cancelCurrentRun; cases in flight finish, so
// every card they issue is in the ledger), then the CLI cancels what was created, writes the reports and exits 130 or
// 143. A second signal exits at once. The run also stops when its parent dies (npm killed alone): the process would
// otherwise go on sending requests to the target with no one to see the result.

import { constants } from 'node:os';
import type { Vitest } from 'vitest/node';

type StopSignal = 'SIGINT' | 'SIGTERM';
const SIGNALS: StopSignal[] = ['SIGINT', 'SIGTERM'];
const PARENT_POLL_MS = 500;

export class RunInterrupt {
  /** The first signal received, or null. */
  signal: StopSignal | null = null;
  /** Aborted on the second signal: the cleanup stops waiting and reports what is left. */
  readonly hurry = new AbortController();
  private vitest: Vitest | null = null;
  private readonly parentPid = process.ppid;
  private readonly parentWatch: NodeJS.Timeout;
  private readonly handler = (signal: StopSignal) => this.receive(signal);

  constructor(private readonly log: (line: string) => void) {
    for (const signal of SIGNALS) process.on(signal, this.handler);
    this.parentWatch = setInterval(() => {
      // Re-parented (to init or a subreaper): whoever started the run is gone.
      if (process.ppid !== this.parentPid && !this.signal) this.receive('SIGTERM', 'the parent process exited');
    }, PARENT_POLL_MS).unref();
  }

  /** A reporter that hands the vitest instance over, so the run can be cancelled. */
  reporter() {
    return {
      onInit: (vitest: Vitest) => {
        this.vitest = vitest;
        // Vitest's own handlers exit the process 1 ms after a signal, before any cleanup: only ours stay.
        for (const signal of SIGNALS) {
          for (const listener of process.listeners(signal)) {
            if (listener !== this.handler) process.off(signal, listener as () => void);
          }
        }
      },
      // A signal that came before the run started: cancelling earlier would be undone when it starts.
      onTestRunStart: () => this.cancelIfSignalled(),
      onTestCaseReady: () => this.cancelIfSignalled(),
    };
  }

  private cancelIfSignalled(): void {
    // Repeated for every case that still starts: a cancel sent before the workers listen is lost.
    if (!this.signal || !this.vitest) return;
    void this.vitest.cancelCurrentRun('keyboard-input');
  }

  /** 130 after SIGINT, 143 after SIGTERM; null when no signal came. */
  exitCode(): number | null {
    return this.signal ? 128 + constants.signals[this.signal] : null;
  }

  dispose(): void {
    clearInterval(this.parentWatch);
    for (const signal of SIGNALS) process.off(signal, this.handler);
  }

  private receive(signal: StopSignal, why: string = signal): void {
    if (this.signal) {
      this.log(`conformance: ${why} again: exiting now; cards may be left (see the ledger in the reports folder)`);
      this.hurry.abort();
      process.exit(128 + constants.signals[signal]);
    }
    this.signal = signal;
    this.log(
      `conformance: ${why}: no new cases; finishing those in flight, then cancelling created cards and writing reports (signal again to exit at once)`,
    );
    this.cancelIfSignalled();
  }
}
