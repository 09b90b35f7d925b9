import { expect, test } from '@playwright/test';

test('the shop opens with its departments, and "Your data" says where behaviour is stored', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'LocalShelf home' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Departments' }).getByRole('link')).toHaveCount(14);
  await page.goto('/#/your-data');
  await expect(page.getByTestId('stored-count')).toHaveText('0');
  await expect(page.getByText('events stored in this browser')).toBeVisible();
  await expect(page.getByTestId('tracking-state')).toHaveText('On');
});
