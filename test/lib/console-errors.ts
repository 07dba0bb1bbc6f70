/** Captures console.error while `run` executes (what a widget tells the page's editor). */
export async function consoleErrors(run: () => Promise<unknown>) {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return errors;
}
