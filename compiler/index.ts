/**
 * schemac's public API. Declarations import the DSL from here (`import { table, uuid } from
 * 'schemac'`); the CLI imports the workflows. Nothing else is public.
 */
export {
  bigint, boolean, bytea, char, citext, column, ofType, date, doublePrecision, enumColumn, integer, interval, json, jsonb,
  numeric, real, serial, bigserial, smallserial, smallint, text, time, timestamp, timestamptz, timetz, uuid, varchar,
} from './dsl/columns.js';
export {
  acknowledge, check, compositeType, dataStep, domain, processingActivity, queryAssertion, recordClass, retentionRule, waiver, enumType, exclude, extension, grant, policy, sequence, foreignKey, index, materializedView, monthlyPartitions, namespace, partition, sql, table, unique, view, yearlyPartitions,
} from './dsl/objects.js';
export { fn, procedure, routine, trigger } from './dsl/routines.js';
export type {
  CheckDeclaration, ColumnDeclaration, ColumnOptions, Declaration, DefaultValue, EnumDeclaration, ExtensionDeclaration,
  ForeignKeyDeclaration, IndexDeclaration, NamespaceDeclaration, ReferenceOptions, SqlExpression, TableDeclaration,
  TableOptions, UniqueDeclaration, GrantDeclaration, DataStepDeclaration, AcknowledgementDeclaration, QueryAssertionDeclaration, PolicyDeclaration, DomainDeclaration, CompositeTypeDeclaration, SequenceDeclaration, RoutineDeclaration, TriggerDeclaration, FunctionOptions, RoutineOptions, RoutineArgument, ViewDeclaration, PartitionDeclaration, PartitionByDeclaration, PartitionBoundDeclaration, PlainViewOptions, MaterializedViewOptions, IndexOptions,
} from './dsl/declarations.js';
export { defineConfig, type ProjectConfig, type SchemacConfig } from './load/config.js';
export type * from './model/types.js';
export { EMPTY_SCHEMA } from './model/types.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics/codes.js';
export { SchemacError, type Diagnostic } from './diagnostics/diagnostic.js';
export { formatDiagnostic, sortDiagnostics } from './diagnostics/format.js';
export * as workflows from './workflows.js';
export { docsProject, DEFAULT_DOCS_DIR } from './workflows.js';
export type { DocsResult } from './compliance/docs-workflow.js';
export { redactUrl } from './db/target.js';
export type { DriftItem, DriftReport } from './drift/index.js';
export type { DriftDefinition } from './drift/definitions.js';
export type { OnProgress, Progress, ProgressPhase } from './model/progress.js';
export type { Change } from './diff/index.js';
export type { MigrationStatus } from './apply/index.js';
export { CONFIG_FILES } from './load/config.js';
