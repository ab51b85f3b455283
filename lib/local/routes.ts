import { type RouteSpec, routesOf } from '#lib/topology.ts';
import type { LoadedFunction } from './lambda.ts';

export interface RouteTarget {
  readonly fn: LoadedFunction;
  readonly route: RouteSpec;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly target: RouteTarget; readonly pathParameters: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

interface CompiledRoute extends RouteTarget {
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
  /** Per segment, 0 for a literal and 1 for a `{param}`: the sort key that puts specific resources first. */
  readonly specificity: readonly number[];
}

/** Every route of every function, matched like API Gateway resources: one segment per `{param}`. */
export class RouteTable {
  readonly #routes: readonly CompiledRoute[];

  constructor(functions: readonly LoadedFunction[]) {
    this.#routes = functions
      .flatMap((fn) => routesOf(fn.spec).map((route) => compile(fn, route)))
      .sort((a, b) => compareSpecificity(a.specificity, b.specificity));
  }

  get targets(): readonly RouteTarget[] {
    return this.#routes;
  }

  match(method: string, path: string): RouteMatch {
    const candidates = this.#routes.flatMap((route) => {
      const values = route.pattern.exec(path);
      return values ? [{ route, values: values.slice(1) }] : [];
    });
    const resource = candidates[0]?.route.route.path;
    if (resource === undefined) return { kind: 'not-found' };
    // Like API Gateway: the most specific resource is chosen first, then its method.
    const sameResource = candidates.filter(({ route }) => route.route.path === resource);
    const hit = sameResource.find(({ route }) => route.route.method === method);
    if (!hit)
      return {
        kind: 'method-not-allowed',
        allow: sameResource.map(({ route }) => route.route.method).sort(),
      };
    const pathParameters = Object.fromEntries(
      hit.route.paramNames.map((name, i) => [name, decodePathSegment(hit.values[i] ?? '')]),
    );
    return { kind: 'found', target: hit.route, pathParameters };
  }
}

/** A literal segment beats a parameter at the first position where two resources differ. */
function compareSpecificity(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A malformed escape is passed through as sent rather than failing the request. */
function decodePathSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function compile(fn: LoadedFunction, route: RouteSpec): CompiledRoute {
  const paramNames: string[] = [];
  const specificity: number[] = [];
  const segments = route.path.split('/').map((segment) => {
    const param = /^\{(\w+)\}$/.exec(segment)?.[1];
    specificity.push(param ? 1 : 0);
    if (!param) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    paramNames.push(param);
    return '([^/]+)';
  });
  return {
    fn,
    route,
    pattern: new RegExp(`^${segments.join('/')}$`),
    paramNames,
    specificity,
  };
}
