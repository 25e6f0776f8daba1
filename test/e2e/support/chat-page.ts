import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/**
 * Opens npm start's chat page on `channel` as a brand-new resident named `name` (so the chat has no
 * history) and returns their LINE user id. Waits until the page has added and selected them: the click
 * returns before the page's call to the platform does.
 */
export async function chatAsNewResident(page: Page, channel: string, name: string): Promise<string> {
  await page.goto(inject('chatUrl'));
  await page.locator('#channel').selectOption(channel);
  await page.locator('#new-name').fill(name);
  await page.locator('#add-resident').click();
  // The page clears the name field once the person is added and selected.
  await expect.poll(() => page.locator('#new-name').inputValue()).toBe('');
  return page.locator('#resident').inputValue();
}
