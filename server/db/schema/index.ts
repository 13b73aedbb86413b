export * from './campus.js';
export * from './bookings.js';
