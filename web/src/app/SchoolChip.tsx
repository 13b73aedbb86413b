/** A school's code on the school's colour: the code is the text, so the colour never carries meaning alone. */
import { schools } from './campus.state.js';
import { schoolColor } from './school-colors.js';

export function SchoolChip({ schoolId, code }: { schoolId: number; code: string | undefined }) {
  const background = schoolColor(schoolId, schools.value.map((s) => s.id));
  return (
    <span class="school-chip" style={{ background }}>
      {code}
    </span>
  );
}
