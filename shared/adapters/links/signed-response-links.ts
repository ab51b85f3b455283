import type { ResponseLinkIssuer, ResponseLinkRequest } from '#domain/workflow/ports.ts';
import { ResponseLinkClaims } from '#domain/workflow/response-link.ts';
import { issueResponseLink } from '#platform/security/response-links.ts';

/**
 * Issues response links signed with the deployment's link secret: `<base>/v1/respond/<token>`.
 * Without a public base URL (a deployment that did not give one), the link is the path alone,
 * for whatever sends the notice to put its own host in front.
 */
export class SignedResponseLinks implements ResponseLinkIssuer {
  constructor(
    private readonly secret: () => Promise<string>,
    private readonly publicBaseUrl: string | undefined,
  ) {}

  async linkFor(request: ResponseLinkRequest): Promise<string> {
    const claims = ResponseLinkClaims.parse(request);
    const token = issueResponseLink(claims, await this.secret());
    return `${(this.publicBaseUrl ?? '').replace(/\/+$/, '')}/v1/respond/${token}`;
  }
}
