import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH } from '../ipc/channels/limits';
import { passphraseStrength } from './passphrase-strength';

describe('passphraseStrength', () => {
  it.each(['password1', 'qwertyuiop', 'Zaq12wsx!', '12345678', 'haslo123', 'ksefdesk1', 'wiosna2025'])('refuses a guessable passphrase: %s', (weak) => {
    expect(passphraseStrength(weak, MIN_PASSPHRASE_LENGTH).acceptable).toBe(false);
  });

  it.each(['correct horse battery staple', 'moje bezpieczne hasło', 'Hasło do magazynu kluczy', 'kot-stół-rower-mleko'])('accepts %s', (strong) => {
    const strength = passphraseStrength(strong, MIN_PASSPHRASE_LENGTH);
    expect(strength.acceptable).toBe(true);
    expect(strength.score).toBeGreaterThanOrEqual(3);
  });

  it('is more than a length rule: long but repetitive is weak, and short is weak however random', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa', MIN_PASSPHRASE_LENGTH).acceptable).toBe(false);
    expect(passphraseStrength('x7#Qp', MIN_PASSPHRASE_LENGTH).acceptable).toBe(false);
  });

  it('counts the user’s own words (company name, NIP) as guessable', () => {
    const alone = passphraseStrength('Przykladowa5265877635', MIN_PASSPHRASE_LENGTH, []);
    const withContext = passphraseStrength('Przykladowa5265877635', MIN_PASSPHRASE_LENGTH, ['przykladowa', '5265877635']);
    expect(withContext.guessesLog10).toBeLessThan(alone.guessesLog10);
  });
});
