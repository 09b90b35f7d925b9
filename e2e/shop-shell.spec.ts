import { expect, test } from '@playwright/test';

test('the shop opens with its departments, and "Your data" says where behaviour is stored', async ({
  page,
}) => {
  // Straight to "Your data": on the home page the trending shelf records an impression as soon
  // as it is on screen, so a detour there would race the count below.
  await page.goto('/#/your-data');
  await expect(page.getByRole('link', { name: 'LocalShelf home' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Departments' }).getByRole('link')).toHaveCount(14);
  await expect(page.getByTestId('stored-count')).toHaveText('0');
  await expect(page.getByText('events stored in this browser')).toBeVisible();
  await expect(page.getByTestId('tracking-state')).toHaveText('On');
});
