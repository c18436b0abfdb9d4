/**
 * Object paths: the stable, human-readable address of every object in a Schema, used for sorting,
 * for drift reports and for diagnostics. `table:app.users`, `column:app.users.email`,
 * `index:app.users_email_key`, `constraint:app.users.users_pkey`, `enum:app.status`,
 * `extension:citext`, `schema:app`.
 */
export type ObjectKind = 'schema' | 'extension' | 'enum' | 'table' | 'column' | 'constraint' | 'index' | 'view' | 'function' | 'trigger' | 'policy' | 'domain' | 'type' | 'sequence' | 'grant' | 'data' | 'compliance' | 'assertion';

export type ObjectPath = `${ObjectKind}:${string}`;

export const namespacePath = (name: string): ObjectPath => `schema:${name}`;
export const extensionPath = (name: string): ObjectPath => `extension:${name}`;
export const enumPath = (schema: string, name: string): ObjectPath => `enum:${schema}.${name}`;
export const tablePath = (schema: string, name: string): ObjectPath => `table:${schema}.${name}`;
export const columnPath = (schema: string, table: string, column: string): ObjectPath =>
  `column:${schema}.${table}.${column}`;
export const constraintPath = (schema: string, table: string, name: string): ObjectPath =>
  `constraint:${schema}.${table}.${name}`;
export const viewPath = (schema: string, name: string): ObjectPath => `view:${schema}.${name}`;
export const routinePath = (schema: string, name: string, signature: string): ObjectPath => `function:${schema}.${name}(${signature})`;
export const triggerPath = (schema: string, table: string, name: string): ObjectPath => `trigger:${schema}.${table}.${name}`;
export const policyPath = (schema: string, table: string, name: string): ObjectPath => `policy:${schema}.${table}.${name}`;
export const domainPath = (schema: string, name: string): ObjectPath => `domain:${schema}.${name}`;
export const compositePath = (schema: string, name: string): ObjectPath => `type:${schema}.${name}`;
export const sequencePath = (schema: string, name: string): ObjectPath => `sequence:${schema}.${name}`;
export const grantPath = (kind: string, schema: string, name: string, role: string): ObjectPath =>
  `grant:${kind} ${schema ? `${schema}.` : ''}${name} to ${role}`;
export const indexPath = (schema: string, name: string): ObjectPath => `index:${schema}.${name}`;
export const dataStepPath = (name: string): ObjectPath => `data:${name}`;
export const assertionPath = (name: string): ObjectPath => `assertion:${name}`;
/** A compliance registry entry: `compliance:activity/investor-onboarding`, `compliance:retention/sec-17a-4`. */
export const compliancePath = (kind: 'activity' | 'retention' | 'recordClass' | 'waiver', id: string): ObjectPath => `compliance:${kind}/${id}`;

/** Total order on strings by UTF-16 code units: locale-independent, so output never depends on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `items` sorted by a text key, deterministically: `items` itself when already in order (a caller
 * can tell by identity), else a sorted copy. Each key is computed once (they are often built strings).
 */
export function inKeyOrder<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  const keys = items.map(key);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = compareText(keys[i - 1]!, keys[i]!) <= 0;
  if (sorted) return items;
  return keys.map((_, i) => i).sort((a, b) => compareText(keys[a]!, keys[b]!) || a - b).map((i) => items[i]!);
}

/** Sort a copy of `items` by a text key, deterministically. */
export function sortByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const sorted = inKeyOrder(items, key);
  return sorted === items ? [...items] : (sorted as T[]);
}

/** `schema.name` key used in lookups. */
export const qualifiedKey = (schema: string, name: string): string => `${schema}.${name}`;
