const en = { title: 'TODO' };
const es: typeof en = { title: 'TODO' };
export const calendarText = { en, es };
