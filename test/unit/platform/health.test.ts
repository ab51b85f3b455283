import { afterEach, describe, expect, it, vi } from 'vitest';
import { runReadinessChecks } from '#platform/health.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('runReadinessChecks', () => {
  it('counts a bare check as required: one that throws makes the report degraded', async () => {
    const report = await runReadinessChecks({
      table: async () => undefined,
      queue: async () => {
        throw new Error('queue does not exist');
      },
    });

    expect(report.status).toBe('degraded');
    expect(report.checks.table).toMatchObject({ status: 'ok', required: true });
    expect(report.checks.queue).toMatchObject({
      status: 'failing',
      required: true,
      error: 'queue does not exist',
    });
  });

  it('reports an optional check that fails without making the report degraded', async () => {
    const report = await runReadinessChecks({
      table: async () => undefined,
      claude: {
        required: false,
        run: async () => {
          throw new Error('unreachable');
        },
      },
      rentvine: { required: false, run: async () => ({ status: 'skipped' }) },
    });

    expect(report.status).toBe('ok');
    expect(report.checks.claude).toMatchObject({ status: 'failing', required: false });
    expect(report.checks.rentvine).toMatchObject({ status: 'skipped', required: false });
  });

  it('passes on what a check found, and fails a required check that is only skipped', async () => {
    const report = await runReadinessChecks({
      circuit: async () => ({ status: 'ok', detail: { state: 'half-open' } }),
      pepper: async () => ({ status: 'skipped' }),
    });

    expect(report.checks.circuit).toMatchObject({ status: 'ok', detail: { state: 'half-open' } });
    expect(report.status).toBe('degraded');
  });

  it('bounds a check that never answers', async () => {
    vi.useFakeTimers();
    const running = runReadinessChecks({ table: () => new Promise(() => undefined) });

    await vi.advanceTimersByTimeAsync(2_000);

    expect((await running).checks.table).toMatchObject({ status: 'failing', error: 'timed out' });
  });

  it('names errors by their class when they have one (never a message that may carry data)', async () => {
    class ResourceNotFoundException extends Error {
      override readonly name = 'ResourceNotFoundException';
    }
    const report = await runReadinessChecks({
      table: async () => {
        throw new ResourceNotFoundException('table aictive-main-secret-detail not found');
      },
    });
    expect(report.checks.table?.error).toBe('ResourceNotFoundException');
  });
});
