import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateApiKeyRequest } from '#contracts/api-keys.ts';
import { Role } from '#domain/access/roles.ts';
import { DEPARTMENTS, LEGACY_ROLE_NAMES, ROLES, roleNamed } from '#domain/roles/registry.ts';
import { ROLE_NAMES } from '#vocabulary/access.ts';
import { CATEGORIES } from '#vocabulary/classification.ts';

describe('the roles registry', () => {
  it('holds the 18 roles of a property-management company, each name once', () => {
    expect(new Set(ROLE_NAMES).size).toBe(18);
    expect(Object.keys(ROLES)).toEqual([...ROLE_NAMES]);
  });

  it('gives every role a title, a known department and responsibilities', () => {
    for (const name of ROLE_NAMES) {
      const role = ROLES[name];
      expect(role.title.length, name).toBeGreaterThan(0);
      expect(DEPARTMENTS, name).toContain(role.department);
      expect(role.responsibilities.length, name).toBeGreaterThan(0);
    }
  });

  it('routes every email category to exactly one role first', () => {
    for (const category of CATEGORIES) {
      const handlers = ROLE_NAMES.filter((name) =>
        (ROLES[name].handles as readonly string[]).includes(category),
      );
      expect(handlers, category).toHaveLength(1);
    }
  });

  it('reads the role names of keys issued before it as their equivalents', () => {
    expect(roleNamed('maintenance_coordinator')).toBe('maintenance_supervisor');
    expect(roleNamed('accounting')).toBe('accountant');
    expect(roleNamed('owner_relations')).toBe('property_manager');
    expect(roleNamed('property_manager')).toBe('property_manager');
    expect(roleNamed('leasing_agent')).toBe('leasing_agent');
    for (const target of Object.values(LEGACY_ROLE_NAMES)) expect(ROLE_NAMES).toContain(target);
  });

  it('knows no other name, not even one inherited by every object', () => {
    for (const name of ['landlord', 'constructor', '__proto__', 'toString', 'hasOwnProperty', ''])
      expect(roleNamed(name), name).toBeUndefined();
  });
});

describe('the role of an API key', () => {
  it('takes the registry names, and no older or unknown one, on new keys', () => {
    expect(Role.safeParse('director_of_leasing').success).toBe(true);
    expect(Role.safeParse('accounting').success).toBe(false);
  });

  it('is documented with the registry as its enum', () => {
    const schema = z.toJSONSchema(CreateApiKeyRequest, { io: 'input' }) as unknown as {
      properties: { role: { enum: string[] } };
    };
    expect(schema.properties.role.enum).toEqual(ROLE_NAMES);
  });
});
