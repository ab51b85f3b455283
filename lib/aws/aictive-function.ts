import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { FUNCTION_BUNDLING } from '#lib/function-bundling.ts';
import type { FunctionSpec } from '#lib/topology.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface AictiveFunctionProps {
  readonly spec: FunctionSpec;
  /** Its environment as lib/function-environment.ts derives it from the spec. */
  readonly environment: Readonly<Record<string, string>>;
}

/** A topology function with the platform's Lambda defaults, so no function can drift from them. */
export class AictiveFunction extends NodejsFunction {
  readonly spec: FunctionSpec;

  constructor(scope: Construct, id: string, { spec, environment }: AictiveFunctionProps) {
    super(scope, id, {
      description: spec.description,
      entry: join(repositoryRoot, spec.entry),
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: join(repositoryRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      reservedConcurrentExecutions: spec.reservedConcurrency,
      retryAttempts: spec.asyncRetries,
      // Explicit, so retention is ours and the group goes away with the function instead of living forever.
      logGroup: new LogGroup(scope, `${id}Logs`, {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      // Lambda's side of the environment; the rest is the function's own, derived from the topology.
      environment: { POWERTOOLS_LOG_LEVEL: 'INFO', NODE_OPTIONS: '--enable-source-maps', ...environment },
      bundling: {
        format: OutputFormat.ESM,
        target: FUNCTION_BUNDLING.target,
        minify: FUNCTION_BUNDLING.minify,
        sourceMap: true,
        mainFields: [...FUNCTION_BUNDLING.mainFields],
        forceDockerBundling: false,
        banner: FUNCTION_BUNDLING.banner,
        loader: { ...FUNCTION_BUNDLING.loader },
        // Bundle the AWS SDK too: a pinned, tree-shaken copy loads faster than the runtime's and cannot change under us.
        externalModules: [],
      },
    });
    this.spec = spec;

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords have no resource-level permissions.',
      },
    );
  }
}
