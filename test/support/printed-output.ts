import { vi } from 'vitest';

/**
 * Everything printed to stdout and stderr while `run` runs (with `consoles`, also through
 * `console.*`, where POWERTOOLS_DEV prints and the test runner would intercept it); the streams
 * are restored afterwards, whatever `run` did.
 */
export async function printedDuring(
  run: () => Promise<unknown>,
  options: { readonly consoles?: boolean } = {},
): Promise<string[]> {
  const printed: string[] = [];
  const capture = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  const spies: { mockRestore(): void }[] = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
    ...(options.consoles
      ? (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
          vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void capture(args.join(' '))),
        )
      : []),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return printed;
}
