import type { firstRunPl } from './first-run.pl';

/** English texts of the first-run guide, the passphrase meter, app updates and KSeF's key rules (same keys). */
export const firstRunEn: typeof firstRunPl = {
  firstRun: {
    title: 'Welcome to KSeF Desk',
    intro: 'Three short steps and you can issue invoices in KSeF. Each step can be skipped and done later (Settings → Getting started).',
    dismiss: 'Close the guide',
    skipStep: 'Skip this step',
    stepDone: 'Done',
    stepSkipped: 'Skipped',
    steps: { company: 'Your company', signIn: 'Signing in to KSeF', firstInvoice: 'Your first invoice' },
    company: {
      body: 'Enter the NIP and name of the company you will issue and receive invoices for. More companies can be added later on the Companies page.',
      added: 'Added {{name}} (NIP {{nip}}).',
    },
    signIn: {
      body: 'KSeF lets you in with a signature (qualified certificate, company seal, or a KSeF certificate) or with a KSeF token. Choose what you have:',
      certificate: 'I have a certificate',
      certificateHint: 'A .p12/.pfx file, or a certificate with its key (.crt/.cer + .key). The key stays encrypted on this computer.',
      fingerprintNote:
        'A certificate without a Polish NIP or PESEL (e.g. a foreign one) works too: you then sign in by the certificate fingerprint, and permissions in KSeF must first be granted to that fingerprint.',
      testCertificate: 'Create a test certificate',
      testCertificateHint: 'Sandbox and Test only: a self-signed certificate with any NIP is enough to try things out.',
      testUnavailable: 'Test certificates work on the Sandbox and Test environments only (change it in Settings).',
      token: 'I have a KSeF token',
      tokenHint: 'A token generated in the KSeF web app (e.g. by your accountant) for your company.',
      tokenNeedsCompany: 'Add your company first (step 1): a token belongs to its NIP.',
      ready: 'You have something to sign in with. The “Sign in” button is in the top bar.',
      back: 'Back to the choice',
    },
    firstInvoice: {
      body: 'The invoice form fills in the seller, totals each VAT rate and checks the invoice against the FA(3) schema before it goes to KSeF.',
      open: 'Go to issuing',
    },
    finished: 'All set! You can open this guide again in Settings.',
  },
  firstRunSettings: {
    title: 'Getting started',
    body: 'Three steps: company, signing in to KSeF, the first invoice.',
    reopen: 'Show the guide',
  },
  passphraseStrength: {
    label: 'Passphrase strength',
    levels: ['very weak', 'weak', 'fair', 'good', 'very good'],
    tooWeak: 'Too easy to guess: add a few unrelated words.',
    acceptable: 'Strong enough.',
    warnings: {
      common: 'This is a commonly used password.',
      similarToCommon: 'This is similar to a commonly used password.',
      topTen: 'This is a heavily used password.',
      topHundred: 'This is a frequently used password.',
      wordByItself: 'Single words are easy to guess.',
      straightRow: 'Straight rows of keys are easy to guess.',
      keyPattern: 'Short keyboard patterns are easy to guess.',
      simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
      extendedRepeat: 'Repeated patterns are easy to guess.',
      sequences: 'Sequences like "abc" or "123" are easy to guess.',
      recentYears: 'Recent years are easy to guess.',
      dates: 'Dates are easy to guess.',
      namesByThemselves: 'Names and surnames are easy to guess.',
      commonNames: 'Common names and surnames are easy to guess.',
      userInputs: 'It contains words related to the app or your company.',
      pwned: 'This password was exposed by a data breach elsewhere.',
    },
  },
  updates: {
    ready: 'Update {{version}} ready',
    install: 'Install on restart',
    installPending: 'Installs as soon as sending or syncing ends',
    downloading: 'Downloading update {{version}}…',
  },
  certificateKey: {
    reasonLine: 'This certificate: {{reason}}.',
    RSA_KEY_TOO_SHORT: 'RSA key shorter than 2048 bits — KSeF will not accept it',
    EC_CURVE_NOT_ACCEPTED: 'an EC curve KSeF does not accept',
    KEY_TYPE_NOT_ACCEPTED: 'a key type KSeF does not accept',
  },
};
