/**
 * The local runtime's own diagnostics (failed invocations, emulator hiccups): one JSON line on
 * stderr, apart from the handlers' structured logs on stdout. Stack traces stay here, never in
 * an HTTP response.
 */
export function logError(message: string, fields: Record<string, unknown>, error?: unknown): void {
  const entry = { level: 'ERROR', source: 'local-runtime', message, ...fields, ...describe(error) };
  process.stderr.write(`${JSON.stringify({ ...entry, timestamp: new Date().toISOString() })}\n`);
}

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, errorMessage: error.message, stack: error.stack };
  return error === undefined ? {} : { error: String(error) };
}
