import { InMemoryAgentDirectory } from './in-memory/agent-directory.ts';
import { InMemoryOrgSettingsStore } from './in-memory/org-stores.ts';
import { InMemoryPageNotices } from './in-memory/page-notices.ts';
import { InMemoryPageStore } from './in-memory/page-store.ts';
import { InMemoryRows } from './in-memory/rows.ts';
import { InMemoryWorkflowStore } from './in-memory/workflow-store.ts';

/** Paging's dependencies as twins (shared/usecases/deliver-page.ts `PagingDeps`), each reachable by the test. */
export function inMemoryPaging(
  orgSettings = new InMemoryOrgSettingsStore(),
  workflows = new InMemoryWorkflowStore(new InMemoryRows()),
) {
  return {
    pages: new InMemoryPageStore(),
    notices: new InMemoryPageNotices(),
    orgSettings,
    agents: new InMemoryAgentDirectory(),
    workflows,
  };
}
