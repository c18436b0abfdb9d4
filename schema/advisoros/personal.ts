/**
 * Personal-data classifications used by many columns (plain data, not declarations). A column
 * spreads one and overrides what differs: `personal: { ...userReference, erasure: 'anonymise' }`.
 */
import type { PersonalData } from 'schemac';

/** A platform user named by id (who created, approved or is assigned something). */
export const userReference: PersonalData = {
  categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation',
};

/** A client named by id: individual clients and sole proprietors are natural persons. */
export const clientReference: PersonalData = {
  categories: ['identity.client_reference'], subjects: ['client'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation',
};

/** Money a client owes, paid or reported: financial data about the client. */
export const clientFinancial: PersonalData = {
  categories: ['financial.amounts'], subjects: ['client'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation',
};
