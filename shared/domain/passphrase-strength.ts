import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Key-store passphrase strength by zxcvbn-ts (pattern matching + common-password and keyboard dictionaries),
 * the same check in the renderer's meter and in main before anything is written. zxcvbn-ts has no Polish
 * dictionary package, so the common/English lists are used plus the words below that Polish users (and this
 * app) make passwords from; zxcvbn scores those as guessable like its own dictionary words.
 */
const EXTRA_GUESSABLE_WORDS = [
  'ksef', 'ksefdesk', 'desk', 'faktura', 'faktury', 'haslo', 'hasło', 'klucz', 'klucze', 'magazyn', 'podatki', 'firma',
  'polska', 'kochanie', 'wiosna', 'lato', 'jesien', 'jesień', 'zima', 'styczen', 'luty', 'marzec', 'kwiecien', 'maj',
  'czerwiec', 'lipiec', 'sierpien', 'wrzesien', 'pazdziernik', 'listopad', 'grudzien', 'admin', 'qwerty', 'zaq12wsx',
];

/** zxcvbn score 0–4; 3 = "safely unguessable" (~10^8 guesses and more), the minimum for a new passphrase. */
export const MIN_PASSPHRASE_SCORE = 3;

export type PassphraseScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseStrength {
  score: PassphraseScore;
  /** log10 of the estimated number of guesses. */
  guessesLog10: number;
  acceptable: boolean;
  /** zxcvbn's warning key (e.g. 'common', 'topHundred'), for the UI's own words; null when none. */
  warning: string | null;
}

let factory: ZxcvbnFactory | null = null;

/** Built on first use: loading the dictionaries takes about half a second. */
function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary: { ...dictionary, userInputs: EXTRA_GUESSABLE_WORDS } });
  return factory;
}

/** `context`: words the user's own data makes guessable (company name, NIP, e-mail). */
export function passphraseStrength(passphrase: string, minLength: number, context: readonly string[] = []): PassphraseStrength {
  const result = checker().check(passphrase, [...context]);
  const score = result.score as PassphraseScore;
  return {
    score,
    guessesLog10: result.guessesLog10,
    acceptable: passphrase.length >= minLength && score >= MIN_PASSPHRASE_SCORE,
    warning: result.feedback.warning ?? null,
  };
}
