/** A form field's error tied to its control (aria-invalid + aria-describedby), for the council's forms (home and meeting room). */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {message}
    </p>
  );
}

/** Spread on a control: its id, and its error and hints as its description. */
export function fieldProps(id: string, error: string | null | undefined, ...hints: string[]) {
  const described = [...hints, ...(error ? [`${id}-error`] : [])];
  return { id, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': described.length > 0 ? described.join(' ') : undefined };
}
