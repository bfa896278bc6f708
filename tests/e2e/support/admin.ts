/**
 * The one address listed in ADMIN_EMAILS for the e2e server (playwright.config.ts): the
 * account that may see /admin/items. tests/e2e/admin-items.spec.ts makes it (support/seed.ts).
 */
export const ITEMS_EDITOR_EMAIL = "items-editor@example.org";
