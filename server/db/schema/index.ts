export * from './campus.js';
export * from './bookings.js';
export * from './accounts.js';
export * from './audit.js';
export * from './events.js';
export * from './council.js';
