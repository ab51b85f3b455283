import { InMemoryAgentDirectory } from './in-memory/agent-directory.ts';
import { InMemoryOrgSettingsStore } from './in-memory/org-stores.ts';
import { InMemoryPageNotices } from './in-memory/page-notices.ts';
import { InMemoryPageStore } from './in-memory/page-store.ts';

/** Paging's dependencies as twins (shared/usecases/deliver-page.ts `PagingDeps`), each reachable by the test. */
export function inMemoryPaging(orgSettings = new InMemoryOrgSettingsStore()) {
  return {
    pages: new InMemoryPageStore(),
    notices: new InMemoryPageNotices(),
    orgSettings,
    agents: new InMemoryAgentDirectory(),
  };
}
