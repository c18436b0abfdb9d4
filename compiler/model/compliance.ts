/**
 * The compliance vocabulary of the model: what a column or table holds in legal terms (GDPR,
 * PCI DSS, SEC/FINRA record keeping, AML), and the registries annotations refer to by id. Plain
 * data like the rest of the model; compliance/ checks it, turns it into enforcement objects
 * (policies, triggers, grants, comments) and reports on it.
 */
import type { ObjectPath } from './paths.js';

export type Sensitivity = 'public' | 'internal' | 'confidential' | 'restricted';
export const SENSITIVITY_ORDER: readonly Sensitivity[] = ['public', 'internal', 'confidential', 'restricted'];

/** How directly a value identifies its subject. */
export type Identifiability = 'direct' | 'quasi' | 'pseudonymous';

/** GDPR Art. 6(1)(a)–(f). */
export type LawfulBasis = 'consent' | 'contract' | 'legal-obligation' | 'vital-interests' | 'public-task' | 'legitimate-interests';
export const LAWFUL_BASES: Readonly<Record<LawfulBasis, string>> = {
  consent: 'Art. 6(1)(a) consent',
  contract: 'Art. 6(1)(b) performance of a contract',
  'legal-obligation': 'Art. 6(1)(c) legal obligation',
  'vital-interests': 'Art. 6(1)(d) vital interests',
  'public-task': 'Art. 6(1)(e) public task',
  'legitimate-interests': 'Art. 6(1)(f) legitimate interests',
};

/** GDPR Art. 9(1) special categories of personal data. */
export type SpecialCategory =
  | 'racial-or-ethnic-origin' | 'political-opinions' | 'religious-or-philosophical-beliefs' | 'trade-union-membership'
  | 'genetic' | 'biometric' | 'health' | 'sex-life-or-orientation';

/** GDPR Art. 9(2)(a)–(j): the condition that lifts the Art. 9(1) prohibition. */
export type Article9Condition = '9(2)(a)' | '9(2)(b)' | '9(2)(c)' | '9(2)(d)' | '9(2)(e)' | '9(2)(f)' | '9(2)(g)' | '9(2)(h)' | '9(2)(i)' | '9(2)(j)';

/** PCI DSS: the only forms card data may be stored in. Raw primary account numbers are not declarable. */
export type CardDataForm = 'tokenised' | 'encrypted' | 'truncated';

/** What happens to the value on an erasure request (GDPR Art. 17). */
export type ErasureBehaviour = 'delete' | 'anonymise' | 'retain-legal-obligation' | 'retain-legal-claims';

export interface Protection {
  /** A masking function applied for readers without clearance (e.g. `anon.partial_email`). */
  readonly masking?: string;
  /** Where the value is encrypted: in the application, or with pgcrypto in the database. */
  readonly encryption?: 'application' | 'pgcrypto';
}

export interface PersonalData {
  /** `contact.email`, `financial.bank_account`, `identity.government_id`, … */
  readonly categories: readonly string[];
  /** Data subjects: `investor`, `employee`, `user`, … */
  readonly subjects: readonly string[];
  readonly identifiability: Identifiability;
  readonly special?: { readonly category: SpecialCategory; readonly condition: Article9Condition };
  /** GDPR Art. 10 criminal-offence data (sanctions / PEP screening): the purpose and its legal authority. */
  readonly criminal?: { readonly purpose: string; readonly authority: string };
  /** Processing activity ids; default: the table's. */
  readonly activities?: readonly string[];
  /**
   * A retention rule id. Rules add up: the column's, its table's and its table's record class's all
   * apply (a GDPR maximum and an SEC minimum on the same data must agree: SC705).
   */
  readonly retention?: string;
  readonly erasure: ErasureBehaviour;
}

export interface ColumnCompliance {
  /** `false`: declared not personal (explicitly); absent: not classified. */
  readonly personal?: false | PersonalData;
  readonly sensitivity?: Sensitivity;
  readonly card?: CardDataForm;
  readonly protection?: Protection;
}

/** A table scoped to one tenant per row, isolated by row-level security on a session setting. */
export interface TenantScope {
  readonly column: string;
  /** The session setting holding the current tenant (`SET app.organization_id = …`). */
  readonly setting: string;
}

export interface LegalHold {
  readonly matter: string;
  readonly placedBy: string;
  /** ISO date. */
  readonly placedAt: string;
}

export interface TableCompliance {
  readonly activities?: readonly string[];
  readonly recordClass?: string;
  readonly retention?: string;
  /** The column naming the data subject of a row (for erasure requests and row-level holds). */
  readonly subjectKey?: string;
  /** Rows belong to a tenant, or the table is shared by all tenants for the given reason. */
  readonly tenant?: TenantScope | { readonly global: string };
  /** An audit trail: rows are inserted, never updated or deleted. `writers` may only INSERT and SELECT. */
  readonly appendOnly?: { readonly writers: readonly string[] };
  /** Rows can be placed under legal hold one subject at a time (compliance.legal_holds). */
  readonly holdable?: boolean;
  /** The whole table is under legal hold. */
  readonly legalHold?: LegalHold;
}

/** GDPR Art. 30(1): a processing activity. */
export interface ProcessingActivity {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
  readonly lawfulBasis: LawfulBasis;
  /** With legitimate-interests: the interest, as balanced. */
  readonly legitimateInterest?: string;
  readonly subjects: readonly string[];
  readonly recipients: readonly string[];
  readonly transfers: readonly { readonly country: string; readonly mechanism: string }[];
  readonly dpia?: string;
}

export interface RetentionRule {
  readonly id: string;
  /** ISO-8601 duration: `P7Y`, `P6M`, `P30D`. */
  readonly duration: string;
  /** When the period starts: a column of the table (a date or timestamp), or an event in words. */
  readonly start: { readonly column: string } | { readonly event: string };
  /** `minimum`: keep at least this long (SEC 17a-4, BSA/AML); `maximum`: delete or anonymise after (GDPR 5(1)(e)). */
  readonly bound: 'minimum' | 'maximum';
  readonly action: 'delete' | 'anonymise' | 'archive' | 'review';
  readonly citations: readonly string[];
}

export interface RecordClass {
  readonly id: string;
  readonly description: string;
  readonly retention?: string;
}

/** A deliberate, approved, expiring exception to a compliance rule. */
export interface Waiver {
  readonly rule: string;
  readonly target: ObjectPath;
  readonly reason: string;
  readonly approver: string;
  /** ISO date; an expired waiver waives nothing. */
  readonly expires: string;
}

export interface ComplianceRegistry {
  readonly activities: readonly ProcessingActivity[];
  readonly retentionRules: readonly RetentionRule[];
  readonly recordClasses: readonly RecordClass[];
  readonly waivers: readonly Waiver[];
}
