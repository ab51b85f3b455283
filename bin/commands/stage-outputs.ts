import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { stackNames } from '#lib/aws/names.ts';

/**
 * What a deployed stage says of itself in its stacks' outputs: the main table (the stateful
 * stack's `MainTableName`) and the API's URL (the service stack's RestApi `…Endpoint…` output,
 * ending in `/<stage>/`). AWS credentials and region come from the environment.
 */
export async function stageOutputs(stage: string): Promise<{ tableName: string; apiUrl: string }> {
  const client = new CloudFormationClient({});
  const names = stackNames(stage);
  const [tableName, service] = await Promise.all([
    stageTableName(stage, client),
    outputsOf(client, names.service),
  ]);
  const apiUrl = [...service.entries()].find(([key]) => /Endpoint/.test(key))?.[1];
  if (!apiUrl)
    throw new Error(`stack ${names.service} has no API endpoint output: is stage ${stage} deployed?`);
  return { tableName, apiUrl: apiUrl.replace(/\/+$/, '') };
}

/** The stage's main table, from its stateful stack's `MainTableName` output: all a table-only command needs. */
export async function stageTableName(
  stage: string,
  client: CloudFormationClient = new CloudFormationClient({}),
): Promise<string> {
  const { stateful } = stackNames(stage);
  const tableName = (await outputsOf(client, stateful)).get('MainTableName');
  if (!tableName)
    throw new Error(`stack ${stateful} has no MainTableName output: is stage ${stage} deployed?`);
  return tableName;
}

async function outputsOf(client: CloudFormationClient, stackName: string): Promise<Map<string, string>> {
  const { Stacks = [] } = await client.send(new DescribeStacksCommand({ StackName: stackName }));
  return new Map(
    (Stacks[0]?.Outputs ?? []).flatMap((output) =>
      output.OutputKey && output.OutputValue ? [[output.OutputKey, output.OutputValue] as const] : [],
    ),
  );
}
