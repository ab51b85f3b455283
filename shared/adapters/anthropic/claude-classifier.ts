import {
  Classification,
  type EmailClassifier,
  type EmailToClassify,
  urgencyFitsCategory,
} from '#domain/classification/taxonomy.ts';
import { ClaudeVerdict, fenceEmail, SYSTEM_PROMPT } from './classification-prompt.ts';
import type { ClaudeGateway } from './claude-gateway.ts';

/**
 * Classification as one caller of the Claude gateway: the taxonomy's enums as the output schema,
 * the email fenced. It answers only with Claude's verdict and throws the gateway's
 * ModelCallError otherwise; falling back to the rules is composed at the port
 * (classification-engine.ts), not here.
 */
export class ClaudeClassifier implements EmailClassifier {
  constructor(private readonly gateway: ClaudeGateway) {}

  async classify(email: EmailToClassify): Promise<Classification> {
    const { data, usage, model } = await this.gateway.structured({
      schema: ClaudeVerdict,
      system: SYSTEM_PROMPT,
      user: fenceEmail(email),
      accepts: urgencyFitsCategory,
    });
    return Classification.parse({ ...data, engine: 'claude', model, usage });
  }
}
