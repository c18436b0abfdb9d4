/** Every change kind's renderer, in one table: a new Change kind does not compile until it is here. */
import type { Change, ChangeKind, ChangeOf } from '../diff/index.js';
import type { StatementPair } from './definitions.js';
import type { Step } from '../plan/index.js';
import { renderOnlineForm } from './statements/online.js';
import { renderAddColumn, renderColumnComment, renderColumnDefault, renderColumnIdentity, renderColumnNullability, renderColumnSequence, renderColumnType, renderDropColumn, renderRenameColumn } from './statements/column.js';
import { renderAddConstraint, renderConstraintComment, renderDropConstraint, renderRenameConstraint } from './statements/constraint.js';
import { renderAddEnumValue, renderCreateEnum, renderDropEnum, renderEnumComment, renderRecreateEnum, renderRenameEnumValue } from './statements/enum.js';
import { renderCreateExtension, renderDropExtension, renderExtensionComment, renderUpdateExtension } from './statements/extension.js';
import { renderCreateIndex, renderDropIndex, renderIndexComment, renderRenameIndex } from './statements/indexes.js';
import { renderCreateNamespace, renderDropNamespace, renderNamespaceComment } from './statements/namespace.js';
import { renderCreateRoutine, renderCreateTrigger, renderDropRoutine, renderDropTrigger, renderReplaceRoutine, renderRoutineComment, renderTriggerComment, renderTriggerEnabled } from './statements/routine.js';
import { renderAlterPolicy, renderCreatePolicy, renderDropPolicy, renderPolicyComment, renderRowLevelSecurity } from './statements/policy.js';
import { renderAlterComposite, renderAlterDomain, renderAlterSequence, renderCreateComposite, renderCreateDomain, renderCreateSequence, renderDropComposite, renderDropDomain, renderDropSequence } from './statements/types.js';
import { renderGrant, renderRevoke } from './statements/grant.js';
import { renderCreateView, renderDropView, renderRenameView, renderViewComment } from './statements/view.js';
import { renderDataStep } from './statements/data.js';
import { renderCreateTable, renderDropTable, renderPartitionBound, renderRenameTable, renderTableComment, renderTablePersistence, renderTableStorage } from './statements/table.js';

type Renderers = { readonly [K in ChangeKind]: (change: ChangeOf<K>) => StatementPair };

const RENDERERS: Renderers = {
  'namespace.create': renderCreateNamespace,
  'namespace.drop': renderDropNamespace,
  'namespace.comment': renderNamespaceComment,
  'extension.create': renderCreateExtension,
  'extension.drop': renderDropExtension,
  'extension.update': renderUpdateExtension,
  'extension.comment': renderExtensionComment,
  'enum.create': renderCreateEnum,
  'enum.drop': renderDropEnum,
  'enum.addValue': renderAddEnumValue,
  'enum.recreate': renderRecreateEnum,
  'enum.renameValue': renderRenameEnumValue,
  'enum.comment': renderEnumComment,
  'domain.create': renderCreateDomain,
  'domain.drop': renderDropDomain,
  'domain.alter': renderAlterDomain,
  'composite.create': renderCreateComposite,
  'composite.drop': renderDropComposite,
  'composite.alter': renderAlterComposite,
  'sequence.create': renderCreateSequence,
  'sequence.drop': renderDropSequence,
  'sequence.alter': renderAlterSequence,
  'grant.add': renderGrant,
  'grant.revoke': renderRevoke,
  'routine.create': renderCreateRoutine,
  'routine.drop': renderDropRoutine,
  'routine.replace': renderReplaceRoutine,
  'routine.comment': renderRoutineComment,
  'trigger.create': renderCreateTrigger,
  'trigger.drop': renderDropTrigger,
  'trigger.enabled': renderTriggerEnabled,
  'trigger.comment': renderTriggerComment,
  'policy.create': renderCreatePolicy,
  'policy.drop': renderDropPolicy,
  'policy.alter': renderAlterPolicy,
  'policy.comment': renderPolicyComment,
  'table.rowLevelSecurity': renderRowLevelSecurity,
  'view.create': renderCreateView,
  'view.drop': renderDropView,
  'view.comment': renderViewComment,
  'view.rename': renderRenameView,
  'data.run': renderDataStep,
  'table.create': renderCreateTable,
  'table.drop': renderDropTable,
  'table.rename': renderRenameTable,
  'table.partitionBound': renderPartitionBound,
  'table.persistence': renderTablePersistence,
  'table.storage': renderTableStorage,
  'table.comment': renderTableComment,
  'column.add': renderAddColumn,
  'column.drop': renderDropColumn,
  'column.rename': renderRenameColumn,
  'column.type': renderColumnType,
  'column.nullability': renderColumnNullability,
  'column.default': renderColumnDefault,
  'column.sequence': renderColumnSequence,
  'column.identity': renderColumnIdentity,
  'column.comment': renderColumnComment,
  'constraint.add': renderAddConstraint,
  'constraint.drop': renderDropConstraint,
  'constraint.rename': renderRenameConstraint,
  'constraint.comment': renderConstraintComment,
  'index.create': renderCreateIndex,
  'index.drop': renderDropIndex,
  'index.rename': renderRenameIndex,
  'index.comment': renderIndexComment,
};

/** The forward and reverse statements of a change (without trailing semicolons). */
export function renderChange(change: Change): StatementPair {
  const render = RENDERERS[change.kind] as (c: Change) => StatementPair;
  return render(change);
}

/** The statements of a plan step: its change's own, or those of its online form. */
export function renderStepStatements(step: Step): StatementPair {
  return step.form.kind === 'plain' ? renderChange(step.change) : renderOnlineForm(step.change, step.form);
}
