/**
 * Classifications the angel tables share, so each column says what it holds in one word. Plain
 * option objects (no declarations): spread them into a column's options.
 */
import type { ErasureBehaviour, PersonalData } from 'schemac';

/** Not personal data. */
export const notPersonal = { personal: false } as const;

/** Not personal data, but not for everyone's eyes (valuations, prices, internal notes). */
export const confidential = { personal: false, sensitivity: 'confidential' } as const;

/**
 * A reference to a person (a users.id in another table): pseudonymous personal data that the
 * record it sits in needs, so erasure leaves it in place where the law requires the record.
 */
export function personReference(subjects: readonly string[], erasure: ErasureBehaviour = 'retain-legal-obligation'): { readonly personal: PersonalData } {
  return { personal: { categories: ['identity.user_reference'], subjects, identifiability: 'pseudonymous', erasure } };
}

/** An amount or position of one investor: financial data, kept as long as the securities record. */
export function investorFinancial(category: string, extra: Partial<PersonalData> = {}): { readonly personal: PersonalData; readonly sensitivity: 'confidential' } {
  return {
    personal: { categories: [`financial.${category}`], subjects: ['investor'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation', ...extra },
    sensitivity: 'confidential',
  };
}

/**
 * GDPR Art. 10 data: sanctions and PEP screening outcomes (criminal-offence data in the sense of
 * Art. 10 as EU supervisors read it), restricted, kept under AML law.
 */
export function screeningResult(category: string, purpose: string, authority: string): { readonly personal: PersonalData; readonly sensitivity: 'restricted' } {
  return {
    personal: {
      categories: [`screening.${category}`], subjects: ['investor'], identifiability: 'pseudonymous',
      criminal: { purpose, authority }, erasure: 'retain-legal-obligation',
    },
    sensitivity: 'restricted',
  };
}
