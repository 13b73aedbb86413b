import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeRule, parseRule, type Translate } from '../../web/src/my-bookings/rule-describe.js';
import { myBookingsText } from '../../web/src/my-bookings/my-bookings.i18n.js';

/** The describer with the real dictionaries, through a real i18next (plurals included). */
const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  resources: { en: { translation: { myBookings: myBookingsText.en } }, es: { translation: { myBookings: myBookingsText.es } } },
});

const zone = 'America/Los_Angeles';
function say(rrule: string | null, locale: 'en' | 'es' = 'en', start = '2026-08-18T08:00'): string {
  const t = i18n.getFixedT(locale) as unknown as Translate;
  return describeRule(rrule, { start, timeZone: zone, locale, t });
}

describe('describeRule', () => {
  it('says weekly rules with their days and end', () => {
    expect(say('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261215')).toBe('Weekly on Tue, Thu until December 15');
    expect(say('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261215', 'es')).toBe('Semanal los mar, jue hasta el 15 de diciembre');
  });

  it('adds the year when the series ends in another year', () => {
    expect(say('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270611')).toBe('Weekly on Tue, Thu until June 11, 2027');
    expect(say('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270611', 'es')).toBe('Semanal los mar, jue hasta el 11 de junio de 2027');
  });

  it('orders the days Monday first, whatever the rule says', () => {
    expect(say('FREQ=WEEKLY;BYDAY=FR,MO,WE;COUNT=10')).toBe('Weekly on Mon, Wed, Fri, 10 times');
    expect(say('FREQ=WEEKLY;BYDAY=FR,MO,WE;COUNT=10', 'es')).toBe('Semanal los lun, mié, vie, 10 veces');
  });

  it('uses the start weekday for a weekly rule without BYDAY', () => {
    // 2026-08-18 is a Tuesday
    expect(say('FREQ=WEEKLY;COUNT=1')).toBe('Weekly on Tue, once');
    expect(say('FREQ=WEEKLY;COUNT=1', 'es')).toBe('Semanal los mar, una vez');
  });

  it('names the school week', () => {
    expect(say('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('Weekly on weekdays through the end of the school year');
    expect(say('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'es')).toBe('Semanal de lunes a viernes hasta el final del año escolar');
  });

  it('says intervals', () => {
    expect(say('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20261130')).toBe('Every 2 weeks on Mon until November 30');
    expect(say('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20261130', 'es')).toBe('Cada 2 semanas los lun hasta el 30 de noviembre');
    expect(say('FREQ=DAILY;COUNT=5')).toBe('Daily, 5 times');
    expect(say('FREQ=DAILY;INTERVAL=3;COUNT=5', 'es')).toBe('Cada 3 días, 5 veces');
    expect(say('FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15;COUNT=3')).toBe('Every 2 months on day 15, 3 times');
  });

  it('says monthly ordinals', () => {
    expect(say('FREQ=MONTHLY;BYDAY=2TU')).toBe('Monthly on the second Tuesday through the end of the school year');
    expect(say('FREQ=MONTHLY;BYDAY=2TU', 'es')).toBe('Mensual el segundo martes hasta el final del año escolar');
    expect(say('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231')).toBe('Monthly on the last Friday until December 31');
    expect(say('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231', 'es')).toBe('Mensual el último viernes hasta el 31 de diciembre');
    expect(say('FREQ=MONTHLY;BYDAY=1WE,3WE;COUNT=6')).toBe('Monthly on the first Wednesday and the third Wednesday, 6 times');
    expect(say('FREQ=MONTHLY;BYDAY=1WE,3WE;COUNT=6', 'es')).toBe('Mensual el primer miércoles y el tercer miércoles, 6 veces');
  });

  it('says month days, and the start day when none is given', () => {
    expect(say('FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=4')).toBe('Monthly on days 1 and 15, 4 times');
    expect(say('FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=4', 'es')).toBe('Mensual los días 1 y 15, 4 veces');
    expect(say('FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4')).toBe('Monthly on the last day, 4 times');
    expect(say('FREQ=MONTHLY;COUNT=4', 'es')).toBe('Mensual el día 18, 4 veces');
  });

  it('reads UNTIL as a UTC time in the campus zone', () => {
    // 07:59:59Z on Dec 16 is still Dec 15 in Los Angeles
    expect(say('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261216T075959Z')).toBe('Weekly on Tue until December 15');
    expect(say('RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T160000')).toBe('Weekly on Tue until December 15');
  });

  it('says "once" for a one-off booking and shows a rule it cannot read as written', () => {
    expect(say(null)).toBe('Once');
    expect(say(null, 'es')).toBe('Una vez');
    expect(say('FREQ=YEARLY')).toBe('FREQ=YEARLY');
    expect(say('FREQ=WEEKLY;BYSETPOS=1')).toBe('FREQ=WEEKLY;BYSETPOS=1');
  });
});

describe('parseRule', () => {
  it('reads the parts', () => {
    expect(parseRule('FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;WKST=MO;COUNT=3', zone)).toEqual({
      freq: 'MONTHLY',
      interval: 2,
      byDay: [{ weekday: 'FR', ordinal: -1 }],
      byMonthDay: [],
      count: 3,
      untilDate: null,
    });
  });

  it('refuses what it cannot read', () => {
    expect(parseRule('FREQ=WEEKLY;INTERVAL=0', zone)).toBeNull();
    expect(parseRule('FREQ=WEEKLY;BYDAY=XX', zone)).toBeNull();
    expect(parseRule('FREQ=WEEKLY;UNTIL=tomorrow', zone)).toBeNull();
    expect(parseRule('garbage', zone)).toBeNull();
  });
});
