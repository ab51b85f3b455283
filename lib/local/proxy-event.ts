import { isUtf8 } from 'node:buffer';
import type {
  APIGatewayEventRequestContextWithAuthorizer,
  APIGatewayProxyEvent,
  APIGatewayRequestAuthorizerEvent,
} from 'aws-lambda';
import { LOCAL_ACCOUNT_ID } from './aws-clients.ts';

/** Stage, API id and execute-api region of the local API: `local/local/GET/path` in method ARNs. */
const LOCAL_STAGE = 'local';
const LOCAL_API_ID = 'local';
const EXECUTE_API_REGION = 'local';

/** One received HTTP request, read once and turned into whichever events the route needs. */
export interface ReceivedRequest {
  readonly requestId: string;
  readonly receivedAt: Date;
  readonly method: string;
  readonly path: string;
  readonly resource: string;
  /** Raw header pairs in the order and casing they arrived. */
  readonly rawHeaders: readonly string[];
  readonly query: URLSearchParams;
  readonly pathParameters: Record<string, string>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly protocol: string;
}

type Authorizer = APIGatewayProxyEvent['requestContext']['authorizer'];

export function toProxyEvent(request: ReceivedRequest, authorizer: Authorizer): APIGatewayProxyEvent {
  const { headers, multiValueHeaders } = headerMaps(request.rawHeaders);
  const { single, multi } = queryMaps(request.query);
  // Text only when it is text: bytes that are not UTF-8 go base64, or the signature over them breaks.
  const isBase64Encoded = request.body.length > 0 && !(isTextual(headers) && isUtf8(request.body));
  return {
    resource: request.resource,
    path: request.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: single,
    multiValueQueryStringParameters: multi,
    pathParameters: nonEmpty(request.pathParameters),
    stageVariables: null,
    requestContext: { ...requestContext(request, headers), authorizer },
    body: request.body.length === 0 ? null : request.body.toString(isBase64Encoded ? 'base64' : 'utf8'),
    isBase64Encoded,
  };
}

/** The REQUEST authorizer event; AWS sends empty maps rather than nulls here (and never the body). */
export function toAuthorizerEvent(request: ReceivedRequest): APIGatewayRequestAuthorizerEvent {
  const { headers, multiValueHeaders } = headerMaps(request.rawHeaders);
  const { single, multi } = queryMaps(request.query);
  return {
    type: 'REQUEST',
    methodArn: methodArn(request),
    resource: request.resource,
    path: request.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: single ?? {},
    multiValueQueryStringParameters: multi ?? {},
    pathParameters: request.pathParameters,
    stageVariables: {},
    requestContext: { ...requestContext(request, headers), authorizer: undefined },
  };
}

export function methodArn(request: Pick<ReceivedRequest, 'method' | 'path'>): string {
  return `arn:aws:execute-api:${EXECUTE_API_REGION}:${LOCAL_ACCOUNT_ID}:${LOCAL_API_ID}/${LOCAL_STAGE}/${request.method}${request.path}`;
}

function requestContext(
  request: ReceivedRequest,
  headers: Record<string, string>,
): Omit<APIGatewayEventRequestContextWithAuthorizer<undefined>, 'authorizer'> {
  const host = Object.entries(headers).find(([name]) => name.toLowerCase() === 'host')?.[1];
  return {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: LOCAL_API_ID,
    stage: LOCAL_STAGE,
    protocol: request.protocol,
    httpMethod: request.method,
    // The full path the caller used: in AWS it carries the stage; the local URL has none.
    path: request.path,
    resourcePath: request.resource,
    resourceId: request.resource,
    requestId: request.requestId,
    extendedRequestId: request.requestId,
    requestTime: apiGatewayTime(request.receivedAt),
    requestTimeEpoch: request.receivedAt.getTime(),
    domainName: host,
    domainPrefix: host?.split('.')[0],
    identity: {
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      clientCert: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: request.sourceIp,
      user: null,
      userAgent: headerValue(headers, 'user-agent') ?? null,
      userArn: null,
    },
  };
}

/**
 * Original header names as received; `headers` keeps the last value of a repeated header, like AWS.
 * Names are the sender's, so they are collected in Maps and handed on as null-prototype records:
 * `constructor` or `__proto__` is just another name.
 */
function headerMaps(rawHeaders: readonly string[]) {
  const multi = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    multi.set(name, [...(multi.get(name) ?? []), rawHeaders[i + 1] as string]);
  }
  return { headers: lastValues(multi), multiValueHeaders: record(multi) };
}

/** `queryStringParameters` keeps the last value of a repeated key; both are null without a query. */
function queryMaps(query: URLSearchParams) {
  const multi = new Map<string, string[]>();
  for (const [key, value] of query) multi.set(key, [...(multi.get(key) ?? []), value]);
  if (multi.size === 0) return { single: null, multi: null };
  return { single: lastValues(multi), multi: record(multi) };
}

function lastValues(multi: ReadonlyMap<string, readonly string[]>): Record<string, string> {
  return record(new Map([...multi].map(([name, values]) => [name, values.at(-1) as string])));
}

/** A plain record of the entries with no prototype, so no key is shadowed by or lands on Object's. */
function record<V>(entries: ReadonlyMap<string, V>): Record<string, V> {
  const out: Record<string, V> = Object.create(null);
  for (const [key, value] of entries) out[key] = value;
  return out;
}

function nonEmpty(values: Record<string, string>): Record<string, string> | null {
  return Object.keys(values).length === 0 ? null : record(new Map(Object.entries(values)));
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * Bodies reach the function as UTF-8 text for textual media types and base64 otherwise (as if
 * the API's binaryMediaTypes were every non-text type). A body without a content type is text.
 * Functions read either through rawBody() (#platform/http/request.ts).
 */
function isTextual(headers: Record<string, string>): boolean {
  const contentType = headerValue(headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!contentType) return true;
  return (
    contentType.startsWith('text/') ||
    /^application\/(json|xml|javascript|x-www-form-urlencoded|graphql)$/.test(contentType) ||
    /\+(json|xml)$/.test(contentType)
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's requestTime format: `dd/MMM/yyyy:HH:mm:ss +0000`. */
function apiGatewayTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  return `${day}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}
