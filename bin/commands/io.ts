/** Reads all of standard input as bytes (exactly as sent: signatures depend on every byte). */
export async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY) throw new UsageError('expected input on stdin');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Valid invocation, bad input: one line on stderr, exit code 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
