import type { PageNotice, PageNotices } from '#domain/on-call/ports.ts';

/** The in-memory twin of SnsPageNotices: every page published, in order, as subscribers read it (through JSON). */
export class InMemoryPageNotices implements PageNotices {
  readonly #published: PageNotice[] = [];
  #failures = 0;

  async publish(notice: PageNotice): Promise<void> {
    if (this.#failures > 0) {
      this.#failures -= 1;
      throw new Error('the topic is unavailable (in-memory failure)');
    }
    this.#published.push(JSON.parse(JSON.stringify(notice)) as PageNotice);
  }

  get published(): readonly PageNotice[] {
    return this.#published;
  }

  /** `<agentId>@<level>` of each page published, oldest first: what the people's phones got. */
  get sent(): readonly string[] {
    return this.#published.map((notice) => `${notice.agentId}@${notice.level}`);
  }

  /** The next `times` publishes throw, as SNS unavailable would. */
  failNext(times = 1): void {
    this.#failures = times;
  }
}
