/**
 * The password policy: 8 to 128 characters (the cap keeps hashing cheap to refuse), and not a
 * common or easily guessed password (zxcvbn's dictionaries of leaked and common passwords).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { invalidField } from './errors.js';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
/** zxcvbn scores 0–4; below 2 is "too guessable" (under ~10^6 guesses). */
const MIN_SCORE = 2;

let estimator: ZxcvbnFactory | undefined;

function strength(password: string, userInputs: string[]): number {
  estimator ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  return estimator.check(password, userInputs).score;
}

/** Throws a field error naming why; userInputs (email, name) count as guessable words. */
export function assertAcceptablePassword(password: string, userInputs: string[] = [], field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidField(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw invalidField(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  if (strength(password, userInputs) < MIN_SCORE) throw invalidField(field, 'is too common or too easy to guess; try a longer phrase');
}
