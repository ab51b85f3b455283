import type { RoleName } from '#vocabulary/access.ts';
import { CATEGORIES, type Category } from '#vocabulary/classification.ts';
import { ROLES } from '../roles/registry.ts';

/**
 * Whom a message goes to first: the registry role that `handles` its category. Read from the
 * registry, so a change of who handles what is made in one place.
 */

function handlerOf(category: Category): RoleName {
  const handlers = (Object.keys(ROLES) as RoleName[]).filter((role) =>
    (ROLES[role].handles as readonly Category[]).includes(category),
  );
  const [only] = handlers;
  // The registry is plain data; a category with no handler or two is a mistake there, found at load.
  if (only === undefined || handlers.length > 1) {
    throw new Error(
      `roles registry: category ${category} needs exactly one handling role, has ${handlers.length}`,
    );
  }
  return only;
}

const ROUTES = Object.fromEntries(CATEGORIES.map((category) => [category, handlerOf(category)])) as Record<
  Category,
  RoleName
>;

export const routeFor = (category: Category): RoleName => ROUTES[category];

/** The managers who answer what no template may: disability accommodations and legal matters. */
export const ACCOMMODATION_REVIEWER: RoleName = routeFor('accommodation_request');
export const LEGAL_REVIEWER: RoleName = routeFor('legal_notice');
