import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { functionEnvironment } from '#lib/function-environment.ts';
import { deployedFunctions, functions } from '#lib/topology.ts';
import { AictiveFunction } from './aictive-function.ts';
import { OperationalAlarms } from './alarms.ts';
import { AictiveApi } from './api.ts';
import { pascal } from './construct-ids.ts';
import { OperationsDashboard } from './dashboard.ts';
import type { DeploymentConfig } from './deployment-config.ts';
import { awsDeployment } from './function-environment.ts';
import { grantTopologyAccess } from './function-permissions.ts';
import { connectTriggers } from './function-triggers.ts';
import type { PlatformResources } from './platform-resources.ts';
import { TriageEvaluationAlarms } from './triage-evaluation-alarms.ts';

export interface ServiceStackProps extends StackProps {
  readonly config: DeploymentConfig;
  readonly resources: PlatformResources;
}

/** The code and its wiring: every topology function, the API, event sources, schedules, alarms. */
export class ServiceStack extends Stack {
  readonly functions: readonly AictiveFunction[];
  readonly api: AictiveApi;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { config, resources } = props;
    const specs = deployedFunctions((optIn) => config.optIns.has(optIn.context), functions);
    const deployment = awsDeployment(config, resources);

    this.functions = specs.map((spec) => {
      const fn = new AictiveFunction(this, `${pascal(spec.name)}Function`, {
        spec,
        environment: functionEnvironment(spec, deployment),
      });
      grantTopologyAccess(fn, config.stage, resources);
      connectTriggers(fn, resources);
      return fn;
    });

    this.api = new AictiveApi(this, 'Api', {
      stage: config.stage,
      allowedOrigins: config.allowedOrigins,
      functions: this.functions,
    });

    const queues = Object.values(resources.queues);
    new OperationalAlarms(this, 'Alarms', {
      topic: resources.alarmTopic,
      queues,
      functions: this.functions,
      api: this.api.restApi,
    });
    const evaluation = this.functions.find((fn) => fn.spec.name === 'triage-evaluation');
    if (evaluation)
      new TriageEvaluationAlarms(this, 'TriageEvaluationAlarms', {
        topic: resources.alarmTopic,
        evaluation,
        environment: functionEnvironment(evaluation.spec, deployment),
      });
    new OperationsDashboard(this, 'Operations', {
      stage: config.stage,
      queues,
      functions: this.functions,
      api: this.api.restApi,
    });
  }
}
