/** A member school as people know it: its code on its colour, then its name. */
import { SchoolChip } from '../../app/SchoolChip.js';
import { schools } from '../../app/campus.state.js';

export function schoolOf(id: number | null | undefined) {
  return id === null || id === undefined ? undefined : schools.value.find((s) => s.id === id);
}

/** "1931 Arts & Media SLC" as plain text (for labels and announcements). */
export function schoolText(id: number | null | undefined): string {
  const school = schoolOf(id);
  return school ? `${school.locationCode} ${school.name}` : id === null || id === undefined ? '' : `#${id}`;
}

export function SchoolName({ id, short = false }: { id: number; short?: boolean }) {
  const school = schoolOf(id);
  return (
    <span class="school-name">
      <SchoolChip schoolId={id} code={school?.locationCode ?? `#${id}`} />
      {!short && school && <> {school.name}</>}
    </span>
  );
}
