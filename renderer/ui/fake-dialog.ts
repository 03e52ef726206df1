/**
 * jsdom has no showModal() or close(). This stand-in behaves as browsers do
 * where it matters to React: close() fires its 'close' event later, from a
 * queued task, which a test runs with flushDialogTasks().
 */
const queued: (() => void)[] = [];

export function installFakeDialog(): void {
  const proto = HTMLDialogElement.prototype;
  proto.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  proto.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    queued.push(() => this.dispatchEvent(new Event('close')));
  };
}

/** Runs the queued 'close' events, as the browser's event loop would. */
export function flushDialogTasks(): void {
  for (const task of queued.splice(0)) task();
}
