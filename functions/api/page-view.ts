import type { PageView } from '#contracts/pages.ts';
import type { Page } from '#domain/on-call/page.ts';

/** A page as the API shows it (its org is the caller's own, not repeated). */
export function pageView(page: Page): PageView {
  const { orgId: _orgId, version: _version, ...shown } = page;
  return {
    ...shown,
    targets: [...page.targets],
    current: { ...page.current, agentIds: [...page.current.agentIds] },
    attempts: [...page.attempts],
  };
}
