import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { sha256Hex } from '#platform/security/ids.ts';
import { implementations } from './implementations.ts';

// The ledger treats tokens as opaque: any unique text stands for a signed link here.
const token = () => `link-${randomBytes(12).toString('base64url')}`;
const inADay = () => new Date(Date.now() + 24 * 60 * 60 * 1000);

describe.each(implementations())('ResponseLinkLedger contract: $name', (implementation) => {
  it('answers first_use once, then used for every later use of the same token', async () => {
    const { links, orgId } = await implementation.world();
    const link = token();
    expect(await links.use(orgId, link, inADay())).toBe('first_use');
    expect(await links.use(orgId, link, inADay())).toBe('used');
    expect(await links.use(orgId, link, inADay())).toBe('used');
    // Another link of the same org is its own.
    expect(await links.use(orgId, token(), inADay())).toBe('first_use');
  });

  it('lets exactly one of 20 concurrent uses of one token be the first', async () => {
    const { links, orgId } = await implementation.world();
    const link = token();
    const expiresAt = inADay();
    const answers = await Promise.all(Array.from({ length: 20 }, () => links.use(orgId, link, expiresAt)));
    expect(answers.filter((answer) => answer === 'first_use')).toHaveLength(1);
    expect(answers.filter((answer) => answer === 'used')).toHaveLength(19);
  });

  it('keeps orgs apart: a token used in one org is unused in another', async () => {
    const { links, orgId } = await implementation.world();
    const other = `${orgId}-other`;
    const link = token();
    expect(await links.use(orgId, link, inADay())).toBe('first_use');
    expect(await links.use(other, link, inADay())).toBe('first_use');
    expect(await links.use(other, link, inADay())).toBe('used');
    expect(await links.use(orgId, link, inADay())).toBe('used');
  });
});

describe('DynamoResponseLinkLedger rows', () => {
  const dynamo = implementations().find((implementation) => implementation.name.startsWith('DynamoDB'));

  it('keeps only the token hash, under the org, until a day after the link expires', async () => {
    if (!dynamo) throw new Error('no DynamoDB implementation');
    const { links, orgId } = await dynamo.world();
    const link = token();
    const expiresAt = new Date('2030-01-02T03:04:05.000Z');
    await links.use(orgId, link, expiresAt);
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :link)',
        ExpressionAttributeValues: { ':pk': `ORG#${orgId}`, ':link': 'LINK#' },
      }),
    );
    expect(Items).toEqual([
      { PK: `ORG#${orgId}`, SK: `LINK#${sha256Hex(link)}`, expiresAt: expiresAt.getTime() / 1000 + 86_400 },
    ]);
    expect(JSON.stringify(Items)).not.toContain(link);
  });
});
