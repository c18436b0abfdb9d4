// Set a comment on one enum and change the comment of another.
import { enumType } from '../../../../compiler/index.js';

export const before = [
  enumType('invoice_status', ['draft', 'paid']),
  enumType('payment_method', ['card', 'transfer'], { comment: 'how they paid' }),
];

export const after = [
  enumType('invoice_status', ['draft', 'paid'], { comment: 'Lifecycle of an invoice' }),
  enumType('payment_method', ['card', 'transfer'], { comment: "How the customer's payment arrived" }),
];
