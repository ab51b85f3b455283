import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type DeploymentConfig, deploymentConfigFrom } from './deployment-config.ts';
import { stackNames } from './names.ts';
import { ServiceStack } from './service-stack.ts';
import { StatefulStack } from './stateful-stack.ts';

export interface AictiveStacks {
  readonly config: DeploymentConfig;
  readonly stateful: StatefulStack;
  readonly service: ServiceStack;
}

/**
 * Adds one stage of the platform to the app. Stacks are environment-agnostic (account and region
 * come from the credentials at deploy time), so synth needs neither credentials nor lookups.
 */
export function addAictiveStacks(app: App): AictiveStacks {
  const config = deploymentConfigFrom(app);
  const names = stackNames(config.stage);
  const stateful = new StatefulStack(app, names.stateful, {
    stackName: names.stateful,
    description: `Aictive ${config.stage}: data, queues, keys, secrets, alarm topic`,
    config,
  });
  const service = new ServiceStack(app, names.service, {
    stackName: names.service,
    description: `Aictive ${config.stage}: functions, API, event sources, schedules, alarms`,
    config,
    resources: stateful,
  });
  Tags.of(app).add('project', 'aictive');
  Tags.of(app).add('stage', config.stage);
  // Every synth is checked; findings not fixed carry a written reason next to the construct concerned.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { config, stateful, service };
}
