/**
 * Classifications shared by many columns of the clearway schema (plain values, not declarations).
 */
import type { PersonalData } from 'schemac';

/** A reference to a platform user (created_by, matched_by …): pseudonymous, kept with the record it annotates. */
export const userReference: PersonalData = {
  categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation',
};

/** A person's name as a bank, administrator or signer gives it (an individual investor, a remitter). */
export const investorName: PersonalData = {
  categories: ['identity.name'], subjects: ['investor'], identifiability: 'direct', erasure: 'retain-legal-obligation',
};

/** A reference to a platform user on a configuration row (no record-keeping duty): set to NULL on erasure. */
export const settingsUserReference: PersonalData = { ...userReference, erasure: 'anonymise' };
