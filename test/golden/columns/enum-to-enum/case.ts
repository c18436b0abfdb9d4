// A column changed from one enum type to another: there is no cast between them, so the values
// convert through text.
import { enumColumn, enumType, integer, table } from '../../../../compiler/index.js';

const priority = enumType('priority', ['low', 'high']);
const severity = enumType('severity', ['low', 'high', 'critical']);

export const before = [priority, severity, table('tickets', { columns: { id: integer({ primaryKey: true }), level: enumColumn(priority), levels: enumColumn(priority, { array: true }) } })];
export const after = [priority, severity, table('tickets', { columns: { id: integer({ primaryKey: true }), level: enumColumn(severity), levels: enumColumn(severity, { array: true }) } })];
