import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startBrowserMode, type BrowserModeApp } from '../helpers/browser-mode';
import { launchChromium, screenshot } from '../helpers/chromium';

const POLISH_NAV = ['Wystaw fakturę', 'Wysłane', 'Otrzymane', 'Certyfikaty', 'Firmy', 'Ustawienia'];
const ENGLISH_NAV = ['Issue invoice', 'Sent', 'Received', 'Certificates', 'Companies', 'Settings'];
const PAGES = ['issue', 'sent', 'received', 'certificates', 'companies', 'settings'];

describe('the application shell in browser mode', () => {
  let app: BrowserModeApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserMode();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens in Polish on the sandbox', async () => {
    const badge = page.getByTestId('environment-badge');
    await expect.poll(() => badge.textContent()).toBe('Środowisko: Sandbox');
    for (const label of POLISH_NAV) await expect.poll(() => page.getByRole('button', { name: label }).count()).toBe(1);
    expect(new URL(page.url()).hash).not.toContain('token=');
  });

  it('visits every page, each with honest content', async () => {
    for (const id of PAGES) {
      await page.getByTestId(`nav-${id}`).click();
      await expect.poll(() => new URL(page.url()).hash).toBe(`#/${id}`);
      if (id === 'settings') {
        await expect.poll(() => page.getByRole('heading', { name: 'Ustawienia' }).count()).toBe(1);
        // The sandbox runs in-process on a random loopback port.
        await expect.poll(() => page.getByTestId('api-url').textContent(), { timeout: 30_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      } else {
        await expect.poll(() => page.getByRole('status').count()).toBe(1);
      }
      await screenshot(page, `pl-${id}`);
    }
  });

  it('switches the language to English and keeps it after a reload', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByRole('radio', { name: 'English' }).click();
    for (const label of ENGLISH_NAV) await expect.poll(() => page.getByRole('button', { name: label }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Settings' }).count()).toBe(1);
    await screenshot(page, 'en-settings');
  });

  it('switches environments, asking before production', async () => {
    const badge = page.getByTestId('environment-badge');
    await page.getByRole('radio', { name: /^Test/ }).click();
    await expect.poll(() => badge.getAttribute('data-environment')).toBe('test');

    await page.getByRole('radio', { name: /^Production/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'visible' });
    await screenshot(page, 'en-production-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => badge.getAttribute('data-environment')).toBe('test');

    await page.getByRole('radio', { name: /^Production/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, switch to Production' }).click();
    await expect.poll(() => badge.getAttribute('data-environment')).toBe('production');
    await expect.poll(() => badge.textContent()).toBe('Environment: Production');
    await screenshot(page, 'en-production');
  });

  it('stored the choices in the profile, where the CLI reads them', async () => {
    const { code, stdout } = await runCli(['--profile', app.profileDir, '--json', 'config', 'get']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ environment: 'production', language: 'en' });
  });
});
