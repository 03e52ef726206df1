/**
 * Files the app was asked to open from outside the window: the command line,
 * a second launch, macOS "open-file". Until the renderer has asked for them
 * (`files:take-launch-files`) they wait here; once it has, new ones are
 * delivered at once (main.ts reads them and sends `files:opened`).
 */
export class LaunchFileQueue {
  #pending: string[] = [];
  #taken = false;

  constructor(private readonly deliver: (paths: string[]) => void) {}

  add(paths: readonly string[]): void {
    if (paths.length === 0) return;
    if (this.#taken) {
      this.deliver([...paths]);
      return;
    }
    for (const p of paths) if (!this.#pending.includes(p)) this.#pending.push(p);
  }

  /** Hands over the waiting paths once; later calls return only newer ones. */
  take(): string[] {
    this.#taken = true;
    const pending = this.#pending;
    this.#pending = [];
    return pending;
  }

  /** The window is gone: queue again until the next renderer asks. */
  detach(): void {
    this.#taken = false;
  }

  get pending(): readonly string[] {
    return this.#pending;
  }
}
