/** The shell's fixed labels: navigation, language, access, loading and errors. */
const en = {
  name: 'Commons',
  skipToContent: 'Skip to content',
  nav: { label: 'Main', week: 'Building week', book: 'Book a space', mine: "My school's bookings", admin: 'Administration' },
  language: 'Language',
  languages: { en: 'English', es: 'Español' },
  campus: 'Campus',
  signedInAs: 'Signed in as {{name}}',
  signOut: 'Sign out',
  live: { open: 'Live', connecting: 'Connecting…', waiting: 'Reconnecting…', closed: 'Offline' },
  loading: 'Loading…',
  noAccess: { title: "You don't have access", body: 'Your role on this campus does not include this page. Ask the campus administrator if you need it.', back: 'Back to the building week' },
  noCampus: { title: 'No campus yet', body: 'Your account has no role on any campus. Ask an administrator to add you.' },
  notFound: { title: 'Page not found', body: 'There is nothing at this address.' },
  error: { title: 'Something went wrong', retry: 'Try again', network: 'The server cannot be reached. Check the connection and try again.' },
  close: 'Close',
  save: 'Save',
  cancel: 'Cancel',
  required: 'Required',
};

const es: typeof en = {
  name: 'Commons',
  skipToContent: 'Saltar al contenido',
  nav: { label: 'Principal', week: 'Semana del edificio', book: 'Reservar un espacio', mine: 'Reservas de mi escuela', admin: 'Administración' },
  language: 'Idioma',
  languages: { en: 'English', es: 'Español' },
  campus: 'Campus',
  signedInAs: 'Sesión de {{name}}',
  signOut: 'Cerrar sesión',
  live: { open: 'En vivo', connecting: 'Conectando…', waiting: 'Reconectando…', closed: 'Sin conexión' },
  loading: 'Cargando…',
  noAccess: { title: 'No tiene acceso', body: 'Su rol en este campus no incluye esta página. Pídalo a la administración del campus si lo necesita.', back: 'Volver a la semana del edificio' },
  noCampus: { title: 'Todavía sin campus', body: 'Su cuenta no tiene rol en ningún campus. Pida a una persona administradora que le agregue.' },
  notFound: { title: 'Página no encontrada', body: 'No hay nada en esta dirección.' },
  error: { title: 'Algo salió mal', retry: 'Reintentar', network: 'No se puede contactar al servidor. Revise la conexión e inténtelo de nuevo.' },
  close: 'Cerrar',
  save: 'Guardar',
  cancel: 'Cancelar',
  required: 'Obligatorio',
};

export const appText = { en, es };
