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

/**
 * Resolves after the next frame has been painted, in the idle time that follows it, so that work
 * that can wait does not hold that frame back. Without a frame (a hidden page, a throttled
 * frame), soon anyway.
 */
export function afterPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return nextTask();
  return new Promise((resolve) => {
    let idle = () => {
      idle = () => {};
      clearTimeout(timer);
      // Safari has no idle callbacks: a task of its own, after the frame's rendering.
      if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), {timeout: 100});
      else void nextTask().then(resolve);
    };
    const timer = setTimeout(() => idle(), 250);
    requestAnimationFrame(() => idle());
  });
}
