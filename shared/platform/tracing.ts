import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureAwsClientsWith } from './aws-client-tracing.ts';

/** The X-Ray tracer singleton; loading it also traces every shared AWS SDK client. */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'aictive' });
captureAwsClientsWith((client) => tracer.captureAWSv3Client(client));
