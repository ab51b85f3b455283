/**
 * Faults a test or demo injects into the simulator: each applies to the next `times` matching
 * requests (default 1; `Infinity` until cleared), checked before authentication as a gateway would.
 */
export type Fault = FaultMatch &
  (
    | { readonly status: number; readonly retryAfterSeconds?: number; readonly delayMs?: number }
    | { readonly delayMs: number; readonly status?: undefined }
    | { readonly drop: true; readonly delayMs?: number }
    /** A write answers 200 with the current record and changes nothing (Rentvine does this). */
    | { readonly ignoreWrite: true }
    /**
     * As if `shiftRows` records were inserted ahead while a client pages: a list page after the
     * first starts that many rows earlier, repeating the previous page's last rows. Set `times` to
     * the pages it should affect (`Infinity` until cleared).
     */
    | { readonly shiftRows: number }
  );

export interface FaultMatch {
  /** How many matching requests it hits; 1 by default. */
  readonly times?: number;
  /** A RegExp tested against the path under the base URL (`/leases/export`), or a substring of it. */
  readonly path?: RegExp | string;
  readonly method?: string;
}

/** What the server does for one request. */
export type FaultAction =
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly retryAfterSeconds?: number;
      readonly delayMs: number;
    }
  | { readonly kind: 'drop'; readonly delayMs: number }
  | { readonly kind: 'delay'; readonly delayMs: number }
  | { readonly kind: 'ignoreWrite' }
  | { readonly kind: 'shiftRows'; readonly rows: number };

export interface ActiveFault {
  readonly fault: Fault;
  /** Requests it has hit so far. */
  readonly hits: number;
  readonly remaining: number;
}

/** What a background schedule is told of a request. */
export interface ScheduledRequest {
  readonly method: string;
  readonly path: string;
  readonly isWrite: boolean;
  readonly laterPage: boolean;
}

/**
 * Asked for every request no added fault matches: a steady background of faults, so whole test
 * suites can run with faults on. Its answer hits that one request (`times`, `path`, `method` unused).
 */
export type FaultSchedule = (request: ScheduledRequest) => Fault | undefined;

interface Entry {
  fault: Fault;
  hits: number;
  remaining: number;
}

export class Faults {
  private entries: Entry[] = [];
  private schedule: FaultSchedule | undefined;

  /** Adds a fault; returns a view of it (hits so far, remaining). */
  add(fault: Fault): ActiveFault {
    if ('status' in fault && fault.status !== undefined && (fault.status < 100 || fault.status > 599))
      throw new RangeError(`not an HTTP status: ${fault.status}`);
    const entry: Entry = { fault, hits: 0, remaining: fault.times ?? 1 };
    this.entries.push(entry);
    return entry;
  }

  /** Removes the added faults; a background schedule stays. */
  clear(): void {
    this.entries = [];
  }

  /** Sets the background schedule, or removes it with undefined. */
  background(schedule: FaultSchedule | undefined): void {
    this.schedule = schedule;
  }

  /** Faults still waiting to hit. */
  get active(): readonly ActiveFault[] {
    return this.entries.filter((e) => e.remaining > 0);
  }

  /**
   * The first fault matching the request, consumed by one, else the background schedule's;
   * undefined when none applies. A write fault only matches writes, a row shift only list pages
   * after the first.
   */
  take(
    method: string,
    path: string,
    kind: { isWrite: boolean; laterPage: boolean },
  ): FaultAction | undefined {
    const entry = this.entries.find(
      (e) =>
        e.remaining > 0 &&
        matches(e.fault, method, path) &&
        (!('ignoreWrite' in e.fault) || kind.isWrite) &&
        (!('shiftRows' in e.fault) || kind.laterPage),
    );
    if (!entry) {
      const scheduled = this.schedule?.({ method, path, ...kind });
      return scheduled && actionOf(scheduled);
    }
    entry.remaining -= 1;
    entry.hits += 1;
    return actionOf(entry.fault);
  }
}

function actionOf(fault: Fault): FaultAction {
  if ('ignoreWrite' in fault) return { kind: 'ignoreWrite' };
  if ('shiftRows' in fault) return { kind: 'shiftRows', rows: fault.shiftRows };
  if ('drop' in fault) return { kind: 'drop', delayMs: fault.delayMs ?? 0 };
  if (fault.status !== undefined)
    return {
      kind: 'status',
      status: fault.status,
      delayMs: fault.delayMs ?? 0,
      ...(fault.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: fault.retryAfterSeconds }),
    };
  return { kind: 'delay', delayMs: fault.delayMs };
}

function matches(fault: FaultMatch, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? path.includes(fault.path) : fault.path.test(path);
}
