import { ENVIRONMENT_DESCRIPTORS, type KsefEnvironment } from '../../../shared/domain/environments';

export interface RunningSandbox {
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the in-process KSeF sandbox; injected so tests and the CLI decide how. */
export type SandboxLauncher = () => Promise<RunningSandbox>;

export interface EnvironmentRuntimeOptions {
  launchSandbox?: SandboxLauncher;
  /** `--base-url`: talk to this KSeF server whatever the environment says (e.g. a separately started sandbox). */
  baseUrlOverride?: string;
}

/**
 * Knows which KSeF API URL the chosen environment means right now. The sandbox is started on
 * first need and kept for the life of the process, so its state survives environment switches.
 */
export class EnvironmentRuntime {
  private sandbox: Promise<RunningSandbox> | null = null;

  constructor(private readonly options: EnvironmentRuntimeOptions) {}

  /** The shells decide late (after the profile is known) how the sandbox is launched. */
  setSandboxLauncher(launcher: SandboxLauncher | undefined): void {
    this.options.launchSandbox = launcher;
  }

  async apiBaseUrl(environment: KsefEnvironment): Promise<string | null> {
    if (this.options.baseUrlOverride) return this.options.baseUrlOverride;
    const descriptor = ENVIRONMENT_DESCRIPTORS[environment];
    if (descriptor.apiBaseUrl) return descriptor.apiBaseUrl;
    if (!this.options.launchSandbox) return null;
    this.sandbox ??= this.options.launchSandbox().catch((error: unknown) => {
      this.sandbox = null; // allow a later retry instead of caching the failure
      throw error;
    });
    return (await this.sandbox).baseUrl;
  }

  async close(): Promise<void> {
    const sandbox = this.sandbox;
    this.sandbox = null;
    if (sandbox) await (await sandbox).close();
  }
}
