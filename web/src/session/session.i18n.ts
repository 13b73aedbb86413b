const en = {
  title: 'Sign in to Commons',
  intro: 'Book the shared spaces of the building and see what the other schools have planned.',
  email: 'E-mail',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  ended: 'Your session ended. Sign in again to go on.',
  wrong: 'Wrong e-mail or password.',
  tooMany: 'Too many attempts. Wait a minute and try again.',
  disabled: 'This account is disabled. Ask the campus administrator.',
};

const es: typeof en = {
  title: 'Iniciar sesión en Commons',
  intro: 'Reserve los espacios compartidos del edificio y vea lo que las otras escuelas tienen planeado.',
  email: 'Correo electrónico',
  password: 'Contraseña',
  submit: 'Iniciar sesión',
  submitting: 'Iniciando sesión…',
  ended: 'Su sesión terminó. Inicie sesión de nuevo para continuar.',
  wrong: 'Correo o contraseña incorrectos.',
  tooMany: 'Demasiados intentos. Espere un minuto e inténtelo de nuevo.',
  disabled: 'Esta cuenta está desactivada. Consulte a la administración del campus.',
};

export const sessionText = { en, es };
