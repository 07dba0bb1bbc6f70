/**
 * Resolves in a task of its own, so that long work can be split and the page stays responsive
 * on a slow phone. A message port, not a timer: pages (and tests) with a paused clock still run it.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
