/**
 * The words the agenda generates itself, as keys with parameters, so that the SPA and the PDF
 * can render a drafted agenda in Spanish as well as English. What people wrote (submitted items,
 * edited standing topics, council matters) is never translated and carries no key.
 *
 * This file is the one source of the English text: the exports' English dictionary is built
 * from these constants, and every other language's dictionary has the same keys.
 * Templates use i18next's `{{name}}` syntax so the web dictionaries can copy them as they are.
 */

export const AGENDA_TEXT_EN = {
  'agenda.minutesApproval': 'Approve the minutes of {{date}}',
  'agenda.minutesNotCirculated': 'The minutes have not been circulated yet; only circulated minutes can be approved.',
  'agenda.actionItem': 'Action item: {{what}}',
  'agenda.actionItemOwner': 'Owner: {{owner}} ({{school}}), due {{due}}',
  'agenda.actionItemOwnerNoDue': 'Owner: {{owner}} ({{school}}), no due date',
  'agenda.highImpact': 'Coming two weeks: high-impact bookings and closures',
  'agenda.highImpactBooking': '{{when}} · {{space}} · {{title}} ({{school}}; attendees: {{attendees}})',
  'agenda.highImpactClosure': '{{when}} · Closed ({{spaces}}): {{reason}}',
  'agenda.highImpactBuildingClosure': '{{when}} · Building closed: {{reason}}',
  'agenda.closureNote': 'Note: {{note}}',
} as const;

/**
 * The seeds' standing topics, each with a stable key. A campus edits its own list, so a topic
 * is printed from its key only while its text is exactly the default one; an edited or new
 * topic is printed as written.
 */
export const STANDING_TOPICS_EN = {
  'agenda.standing.spaceScheduling': 'Scheduling use of space',
  'agenda.standing.security': 'Security',
  'agenda.standing.janitorialMaintenance': 'Janitorial and maintenance',
  'agenda.standing.arrivalDeparture': 'Arrival and departure times',
  'agenda.standing.sharedStaff': 'Shared staff',
  'agenda.standing.equipmentUse': 'Equipment use',
  'agenda.standing.districtSupplies': 'District supplies and services',
  'agenda.standing.professionalDevelopment': 'Professional-development funds',
} as const;

export type StandingTopicKey = keyof typeof STANDING_TOPICS_EN;

export type AgendaTextKey = keyof typeof AGENDA_TEXT_EN;
// Strings only: params are stored as JSON with the item and interpolated as they are.
export type TextParams = Record<string, string>;

/** One generated line: how to say it in any language, and what it says in English. */
export interface LocalizedLine {
  key: AgendaTextKey;
  params: TextParams;
  text: string;
}

/** English text of a key; a missing parameter is a programming error, not a blank in the agenda. */
export function renderEnglish(key: AgendaTextKey, params: TextParams): string {
  return AGENDA_TEXT_EN[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`agenda text ${key} needs the parameter "${name}"`);
    return value;
  });
}

export function line(key: AgendaTextKey, params: TextParams = {}): LocalizedLine {
  return { key, params, text: renderEnglish(key, params) };
}
