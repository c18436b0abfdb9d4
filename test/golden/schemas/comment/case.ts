// Schema comments: set, change, and remove.
import { namespace } from '../../../../compiler/index.js';

export const before = [namespace('billing'), namespace('audit', { comment: 'Audit trail' }), namespace('reporting', { comment: 'BI views' })];

export const after = [
  namespace('billing', { comment: 'Invoicing' }),
  namespace('audit', { comment: "Who did what, and when; don't edit" }),
  namespace('reporting'),
];
