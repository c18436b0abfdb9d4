import { enumType, extension } from 'schemac';

/** Case-insensitive e-mail addresses. */
export const citextExtension = extension('citext');

export const userRole = enumType('user_role', ['investor', 'founder', 'syndicate_lead', 'admin'], {
  comment: 'What a user does on the marketplace',
});

export const companyStage = enumType('company_stage', ['pre_seed', 'seed', 'series_a', 'series_b', 'growth'], {
  comment: 'Funding stage of a startup',
});

export const instrumentType = enumType('instrument_type', ['safe', 'convertible_note', 'preferred_equity', 'common_equity'], {
  comment: 'Security an investment buys',
});

export const investmentStatus = enumType('investment_status', ['pending', 'committed', 'funded', 'cancelled'], {
  comment: 'Lifecycle of a direct investment',
});

export const leadStatus = enumType('lead_status', ['open', 'converted', 'closed', 'withdrawn'], {
  comment: 'Lifecycle of a deal lead: a lead investor proposing a round to co-investors',
});
