/**
 * Every fixed word of the council exports, in English and Spanish. Spanish is written as the
 * district writes to families: plain, formal "usted", no anglicisms where a Spanish word exists.
 *
 * The server renders without i18next: `{{name}}` placeholders are filled by `interpolate`.
 */
import { AGENDA_TEXT_EN, STANDING_TOPICS_EN, type AgendaTextKey, type StandingTopicKey } from '../domain/council/agenda-text.js';
import type { ExportLanguage } from './view-model.js';

/** The agenda's English words are the domain's: one source, so the export says what the agenda says. */
const DOMAIN_EN: Readonly<Record<AgendaTextKey | StandingTopicKey, string>> = { ...AGENDA_TEXT_EN, ...STANDING_TOPICS_EN };
const domainText = (key: AgendaTextKey | StandingTopicKey): string => DOMAIN_EN[key];

const en = {
  document: {
    agenda: 'Building Council agenda',
    minutes: 'Building Council minutes',
  },
  meeting: {
    when: 'Date and time',
    where: 'Place',
    chair: 'Chair',
    noteTaker: 'Note-taker',
    notAssigned: 'Not assigned',
    timesNote: 'All times are campus time ({{zone}}).',
  },
  agendaTable: {
    caption: 'Agenda items',
    number: 'No.',
    time: 'Time',
    item: 'Item',
    length: 'Length',
    school: 'School',
    minutes: '{{count}} min',
    empty: 'There are no items on this agenda.',
    total: 'Total time: {{minutes}} min · Planned end: {{time}}',
  },
  status: {
    label: 'Status',
    draft: 'Draft',
    circulated: 'Circulated for review',
    approved: 'Approved',
    locked: 'Approved and locked',
    draftBanner: 'DRAFT: these minutes have not been approved',
    watermark: 'DRAFT',
    finalNote: 'These minutes are final. Any correction appears below as an amendment.',
  },
  attendance: {
    heading: 'Attendance by school',
    school: 'School',
    status: 'Attendance',
    note: 'Note',
    present: 'Present',
    absent: 'Absent',
    represented: 'Represented',
    quorumMet: 'Quorum: {{present}} schools present, {{required}} needed. Quorum was met.',
    quorumNotMet: 'Quorum: {{present}} schools present, {{required}} needed. There was no quorum.',
  },
  items: {
    heading: 'Items and notes',
    notes: 'Notes',
    noNotes: 'No notes were taken.',
  },
  motions: {
    heading: 'Motions',
    motion: 'Motion {{number}}',
    movedBy: 'Moved by',
    secondedBy: 'Seconded by',
    voteBySchool: 'Vote by school',
    vote: 'Vote',
    schools: 'Schools',
    yes: 'Yes',
    no: 'No',
    abstain: 'Abstain',
    notVoting: 'Did not vote',
    tally: 'yes: {{yes}}, no: {{no}}, abstentions: {{abstain}}',
    result: 'Result',
    carried: 'Carried',
    failed: 'Failed',
    noQuorum: 'Not valid: there was no quorum',
    pending: 'Not voted yet',
    decision: 'Decision',
  },
  actionItems: {
    heading: 'Action items',
    what: 'Task',
    owner: 'Owner',
    due: 'Due date',
    status: 'Status',
    open: 'Open',
    done: 'Done',
    cancelled: 'Cancelled',
    noDueDate: 'No due date',
    empty: 'There are no action items.',
  },
  amendments: {
    heading: 'Amendments',
    by: 'Amendment by {{name}}, {{when}}',
  },
  footer: {
    page: 'Page {{page}} of {{pages}}',
  },
  /**
   * What the agenda generates, by key: titles (an item's titleKey) and detail lines (each
   * line's key). English from server/domain/council/agenda-text.ts, never written here.
   */
  agenda: {
    minutesApproval: domainText('agenda.minutesApproval'),
    minutesNotCirculated: domainText('agenda.minutesNotCirculated'),
    actionItem: domainText('agenda.actionItem'),
    actionItemOwner: domainText('agenda.actionItemOwner'),
    actionItemOwnerNoDue: domainText('agenda.actionItemOwnerNoDue'),
    highImpact: domainText('agenda.highImpact'),
    highImpactBooking: domainText('agenda.highImpactBooking'),
    highImpactClosure: domainText('agenda.highImpactClosure'),
    highImpactBuildingClosure: domainText('agenda.highImpactBuildingClosure'),
    closureNote: domainText('agenda.closureNote'),
    standing: {
      spaceScheduling: domainText('agenda.standing.spaceScheduling'),
      security: domainText('agenda.standing.security'),
      janitorialMaintenance: domainText('agenda.standing.janitorialMaintenance'),
      arrivalDeparture: domainText('agenda.standing.arrivalDeparture'),
      sharedStaff: domainText('agenda.standing.sharedStaff'),
      equipmentUse: domainText('agenda.standing.equipmentUse'),
      districtSupplies: domainText('agenda.standing.districtSupplies'),
      professionalDevelopment: domainText('agenda.standing.professionalDevelopment'),
    },
  },
  /** A closure's reason code, as a detail line's {{reason}} carries it. */
  closureReason: {
    holiday: 'Holiday',
    testing: 'Testing day',
    maintenance: 'Maintenance',
    event: 'Building-wide event',
    other: 'Other reason',
  },
  /** What a carried motion decides, when it changes the calendar or the minutes. */
  decisions: {
    bookingCancel: 'Cancel “{{title}}” ({{school}}): {{scope}}',
    closureLift: 'Lift the closure of {{when}}: {{reason}}',
    minutesApproval: 'Approve the minutes of {{date}}',
    conflict: 'Resolve the conflict {{ref}}',
    policy: '{{text}}',
  },
  /** A booking decision's scope code. */
  decisionScope: {
    series: 'the whole series',
    following: 'the date {{from}} and those after it',
    occurrence: 'the date {{from}}',
  },
};

export type ExportLabels = typeof en;

const es: ExportLabels = {
  document: {
    agenda: 'Orden del día del Consejo del Edificio',
    minutes: 'Acta del Consejo del Edificio',
  },
  meeting: {
    when: 'Fecha y hora',
    where: 'Lugar',
    chair: 'Preside',
    noteTaker: 'Redacta el acta',
    notAssigned: 'Sin asignar',
    timesNote: 'Todas las horas corresponden a la hora local del campus ({{zone}}).',
  },
  agendaTable: {
    caption: 'Temas del orden del día',
    number: 'N.º',
    time: 'Hora',
    item: 'Tema',
    length: 'Duración',
    school: 'Escuela',
    minutes: '{{count}} min',
    empty: 'No hay temas en este orden del día.',
    total: 'Duración total: {{minutes}} min · Hora prevista de cierre: {{time}}',
  },
  status: {
    label: 'Estado',
    draft: 'Borrador',
    circulated: 'Enviada para revisión',
    approved: 'Aprobada',
    locked: 'Aprobada y cerrada',
    draftBanner: 'BORRADOR: esta acta aún no ha sido aprobada',
    watermark: 'BORRADOR',
    finalNote: 'Esta acta es definitiva. Cualquier corrección aparece más abajo como enmienda.',
  },
  attendance: {
    heading: 'Asistencia por escuela',
    school: 'Escuela',
    status: 'Asistencia',
    note: 'Observación',
    present: 'Presente',
    absent: 'Ausente',
    represented: 'Representada',
    quorumMet: 'Quórum: {{present}} escuelas presentes; se necesitan {{required}}. Hubo quórum.',
    quorumNotMet: 'Quórum: {{present}} escuelas presentes; se necesitan {{required}}. No hubo quórum.',
  },
  items: {
    heading: 'Temas y notas',
    notes: 'Notas',
    noNotes: 'No se tomaron notas.',
  },
  motions: {
    heading: 'Mociones',
    motion: 'Moción {{number}}',
    movedBy: 'Presentada por',
    secondedBy: 'Secundada por',
    voteBySchool: 'Votación por escuela',
    vote: 'Voto',
    schools: 'Escuelas',
    yes: 'A favor',
    no: 'En contra',
    abstain: 'Abstención',
    notVoting: 'No votaron',
    tally: 'a favor: {{yes}}, en contra: {{no}}, abstenciones: {{abstain}}',
    result: 'Resultado',
    carried: 'Aprobada',
    failed: 'Rechazada',
    noQuorum: 'Sin validez: no hubo quórum',
    pending: 'Aún no se ha votado',
    decision: 'Decisión',
  },
  actionItems: {
    heading: 'Tareas asignadas',
    what: 'Tarea',
    owner: 'Responsable',
    due: 'Fecha límite',
    status: 'Estado',
    open: 'Pendiente',
    done: 'Terminada',
    cancelled: 'Cancelada',
    noDueDate: 'Sin fecha límite',
    empty: 'No hay tareas asignadas.',
  },
  amendments: {
    heading: 'Enmiendas',
    by: 'Enmienda de {{name}}, {{when}}',
  },
  footer: {
    page: 'Página {{page}} de {{pages}}',
  },
  agenda: {
    minutesApproval: 'Aprobación del acta del {{date}}',
    minutesNotCirculated: 'El acta aún no se ha enviado para revisión; solo se puede aprobar un acta que ya se haya enviado.',
    actionItem: 'Tarea pendiente: {{what}}',
    actionItemOwner: 'Responsable: {{owner}} ({{school}}); fecha límite: {{due}}',
    actionItemOwnerNoDue: 'Responsable: {{owner}} ({{school}}); sin fecha límite',
    highImpact: 'Próximas dos semanas: reservas de gran impacto y cierres',
    highImpactBooking: '{{when}} · {{space}} · {{title}} ({{school}}; asistentes: {{attendees}})',
    highImpactClosure: '{{when}} · Cierre ({{spaces}}): {{reason}}',
    highImpactBuildingClosure: '{{when}} · Cierre de todo el edificio: {{reason}}',
    closureNote: 'Nota: {{note}}',
    standing: {
      spaceScheduling: 'Programación del uso de los espacios',
      security: 'Seguridad',
      janitorialMaintenance: 'Limpieza y mantenimiento',
      arrivalDeparture: 'Horarios de llegada y salida',
      sharedStaff: 'Personal compartido',
      equipmentUse: 'Uso del equipo',
      districtSupplies: 'Materiales y servicios del distrito',
      professionalDevelopment: 'Fondos para el desarrollo profesional',
    },
  },
  closureReason: {
    holiday: 'Día feriado',
    testing: 'Día de exámenes',
    maintenance: 'Mantenimiento',
    event: 'Evento de todo el edificio',
    other: 'Otro motivo',
  },
  decisions: {
    bookingCancel: 'Cancelar «{{title}}» ({{school}}): {{scope}}',
    closureLift: 'Levantar el cierre del {{when}}: {{reason}}',
    minutesApproval: 'Aprobar el acta del {{date}}',
    conflict: 'Resolver el conflicto {{ref}}',
    policy: '{{text}}',
  },
  decisionScope: {
    series: 'toda la serie',
    following: 'la fecha {{from}} y las siguientes',
    occurrence: 'la fecha {{from}}',
  },
};

export const exportLabels: Record<ExportLanguage, ExportLabels> = { en, es };

/** Fills `{{name}}` placeholders; a placeholder without a value stays visible, so a gap shows. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A dictionary string by dotted key ("agenda.standing.security"), or null when there is none. */
export function lookupLabel(labels: ExportLabels, key: string): string | null {
  let node: unknown = labels;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : null;
}
