const en = { title: 'TODO' };
const es: typeof en = { title: 'TODO' };
export const bookingText = { en, es };
