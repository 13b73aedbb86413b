/**
 * Rewriting an RRULE when a series is split by a "this and following" edit: the first part
 * ends the day before the split (UNTIL as a local date); the second keeps the rule and, for a
 * COUNT rule, the number of instances that were still to come.
 */
import { parseRecurrenceRule } from './recurrence.js';
import type { LocalDate } from './wallclock.js';

function parts(rrule: string): Array<[string, string]> {
  parseRecurrenceRule(rrule); // only well-formed, supported rules reach the rewriting below
  return rrule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase()
    .split(';')
    .map((token) => token.split('=') as [string, string]);
}

function join(list: Array<[string, string]>): string {
  return list.map(([name, value]) => `${name}=${value}`).join(';');
}

/** The rule cut so that its last instance falls on lastDate (inclusive). */
export function ruleEndingOn(rrule: string, lastDate: LocalDate): string {
  const kept = parts(rrule).filter(([name]) => name !== 'COUNT' && name !== 'UNTIL');
  return join([...kept, ['UNTIL', lastDate.replaceAll('-', '')]]);
}

/** The rule for the part of the series after `instancesBefore` instances were split off. */
export function ruleAfter(rrule: string, instancesBefore: number): string {
  return join(
    parts(rrule).map(([name, value]): [string, string] => (name === 'COUNT' ? [name, String(Number(value) - instancesBefore)] : [name, value])),
  );
}
