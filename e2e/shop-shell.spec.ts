import { expect, test } from '@playwright/test';

test('the shop shell opens and shows where behaviour is stored', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'LocalShelf' })).toBeVisible();
  await expect(page.getByTestId('persistence')).toHaveText('this browser (IndexedDB)');
  await expect(page.getByTestId('event-count')).toHaveText('0');
});
