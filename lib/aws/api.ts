import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  AuthorizationType,
  Cors,
  EndpointType,
  IdentitySource,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RequestAuthorizer,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routesOf } from '#lib/topology.ts';
import { CORS_ALLOWED_HEADERS, CORS_MAX_AGE_SECONDS, CORS_PATH_PREFIX } from '#platform/http/cors.ts';
import type { AictiveFunction } from './aictive-function.ts';
import { addProblemResponses } from './problem-responses.ts';

/** Stage-wide requests per second (steady, burst): one runaway client cannot eat the account's Lambda concurrency. */
const THROTTLE = { rateLimit: 50, burstLimit: 100 };
/**
 * Request bodies of these types reach the functions base64-encoded, byte for byte: a webhook's
 * signature covers bytes, and a body that is not UTF-8 would otherwise be altered on the way
 * (functions read bodies through rawBody(), which decodes either form).
 */
export const RAW_BODY_MEDIA_TYPES = ['application/json', 'application/*+json', 'text/*'];
/** A cached authorizer answer is reused for this long per Authorization header. */
const AUTHORIZER_CACHE_TTL = Duration.seconds(300);

export interface AictiveApiProps {
  readonly stage: string;
  readonly allowedOrigins: readonly string[];
  /** All topology functions: those with routes are mounted, the `authorizer` one guards `apiKey` routes. */
  readonly functions: readonly AictiveFunction[];
}

/** The REST API (REST, not HTTP API, for X-Ray tracing), with every topology route mounted. */
export class AictiveApi extends Construct {
  readonly restApi: RestApi;

  constructor(scope: Construct, id: string, { stage, allowedOrigins, functions }: AictiveApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.restApi = new RestApi(this, 'RestApi', {
      restApiName: `aictive-${stage}`,
      description: 'Aictive: Rentvine webhooks, the /v1 API and health checks',
      endpointTypes: [EndpointType.REGIONAL],
      binaryMediaTypes: RAW_BODY_MEDIA_TYPES,
      // Access logs need the account-level API Gateway logging role; keep it if this stage is torn down.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: stage,
        tracingEnabled: true,
        metricsEnabled: true,
        // Execution logs for errors only, never request bodies (they carry tenant email text).
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        throttlingRateLimit: THROTTLE.rateLimit,
        throttlingBurstLimit: THROTTLE.burstLimit,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: accessLogFormat(),
      },
    });
    addProblemResponses(this.restApi);
    this.enableCors(allowedOrigins);
    this.mountRoutes(functions);
    this.acknowledgeFindings();
  }

  /**
   * Browsers may call /v1 from the configured origins only: API Gateway answers their preflight
   * (a mock OPTIONS method on /v1 and every resource below it, never reaching the authorizer);
   * the functions that read the CORS_ALLOWED_ORIGINS setting get the same origins for the CORS
   * headers of their answers (lib/aws/function-environment.ts).
   * Webhooks and health checks are not for browsers and get neither.
   */
  private enableCors(allowedOrigins: readonly string[]): void {
    if (allowedOrigins.length === 0) return;
    this.restApi.root.addResource(CORS_PATH_PREFIX.slice(1), {
      defaultCorsPreflightOptions: {
        allowOrigins: [...allowedOrigins],
        allowMethods: Cors.ALL_METHODS,
        allowHeaders: [...CORS_ALLOWED_HEADERS],
        maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
      },
    });
  }

  private mountRoutes(functions: readonly AictiveFunction[]): void {
    let authorizer: RequestAuthorizer | undefined;
    const apiKeyAuthorizer = (): RequestAuthorizer => {
      authorizer ??= new RequestAuthorizer(this, 'ApiKeyAuthorizer', {
        handler: authorizerFunction(functions),
        identitySources: [IdentitySource.header('Authorization')],
        resultsCacheTtl: AUTHORIZER_CACHE_TTL,
      });
      return authorizer;
    };
    for (const fn of functions) {
      const routes = routesOf(fn.spec);
      if (routes.length === 0) continue;
      // Console test-invoke is unused; without it each route adds one Lambda permission instead of two.
      const integration = new LambdaIntegration(fn, { proxy: true, allowTestInvoke: false });
      for (const route of routes) {
        const method = this.restApi.root
          .resourceForPath(route.path)
          .addMethod(
            route.method,
            integration,
            route.auth === 'apiKey'
              ? { authorizer: apiKeyAuthorizer(), authorizationType: AuthorizationType.CUSTOM }
              : { authorizationType: AuthorizationType.NONE },
          );
        if (route.auth === 'none') {
          Validations.of(method).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is public by design: health probes, or a webhook whose HMAC signature the function verifies on the raw body.`,
          });
        }
      }
    }
  }

  private acknowledgeFindings(): void {
    for (const method of this.restApi.methods.filter((m) => m.httpMethod === 'OPTIONS')) {
      Validations.of(method).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'CORS preflight answers carry no data and browsers send them without credentials.',
      });
    }
    Validations.of(this.restApi).acknowledge(
      {
        id: 'AwsSolutions-COG4',
        reason:
          'Callers are property-management systems with API keys, resolved by a Lambda REQUEST authorizer, not Cognito users.',
      },
      {
        id: 'AwsSolutions-APIG2',
        reason:
          'Bodies are validated with zod inside the functions, the same code path as the local runtime.',
      },
      {
        id: 'AwsSolutions-APIG3',
        reason:
          'No WAF web ACL yet: stage throttling, the authorizer and webhook signatures bound abuse for now.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          'AmazonAPIGatewayPushToCloudWatchLogs is the AWS-defined role API Gateway needs to write logs.',
      },
    );
  }
}

function authorizerFunction(functions: readonly AictiveFunction[]): AictiveFunction {
  const found = functions.filter((fn) => fn.spec.kind === 'authorizer');
  if (found.length !== 1)
    throw new Error(`apiKey routes need exactly one authorizer function, found ${found.length}`);
  return found[0] as AictiveFunction;
}

/** One JSON object per request, so Logs Insights can filter by status, path or caller. */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: AccessLogField.contextRequestId(),
      extendedRequestId: AccessLogField.contextExtendedRequestId(),
      ip: AccessLogField.contextIdentitySourceIp(),
      userAgent: AccessLogField.contextIdentityUserAgent(),
      requestTime: AccessLogField.contextRequestTime(),
      method: AccessLogField.contextHttpMethod(),
      path: AccessLogField.contextPath(),
      resourcePath: AccessLogField.contextResourcePath(),
      status: AccessLogField.contextStatus(),
      protocol: AccessLogField.contextProtocol(),
      responseLength: AccessLogField.contextResponseLength(),
      latency: AccessLogField.contextResponseLatency(),
      integrationLatency: AccessLogField.contextIntegrationLatency(),
      authorizerLatency: AccessLogField.contextAuthorizeLatency(),
      principalId: AccessLogField.contextAuthorizerPrincipalId(),
      errorMessage: AccessLogField.contextErrorMessage(),
      errorType: AccessLogField.contextErrorResponseType(),
      xrayTraceId: AccessLogField.contextXrayTraceId(),
    }),
  );
}
