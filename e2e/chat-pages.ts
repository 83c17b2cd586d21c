/** The customer page (demo shop + widget) and the agent console, as the browser tests drive them. */
import type { Page } from 'playwright-core';
import { ADMIN } from '../packages/server/src/testing/test-server';

/** Playwright's CSS locators pierce the widget's open shadow root, as a user's eyes do. */
export function widget(page: Page, name: string) {
  return page.locator(`#candor-widget [data-candor="${name}"]`);
}

export async function logInToConsole(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('tab-new').waitFor();
}

/** The customer writes `text` in the widget and presses Enter. */
export async function say(page: Page, text: string): Promise<void> {
  await widget(page, 'input').fill(text);
  await widget(page, 'input').press('Enter');
}
