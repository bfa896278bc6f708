import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, type ColorScheme } from "./support/axe";
import { screenshotDir, screenshotWidths } from "./support/screenshots";

// Lesson 6's last step, where the "caught it" log sits under the practice instructions.
const practiceStep = "/lessons/catch-the-reflex/5";
const api = "/api/practice/catching-the-reflex/entries";

const entry = {
  whatHappened: "My partner said they love how I am with their family.",
  whatNoticed: "A tight chest, and my hand already on my phone.",
  whatYouDid: "Said “thank you” and stayed on the sofa a minute longer.",
};

async function openLog(page: Page): Promise<Locator> {
  await page.goto(practiceStep);
  const log = page.getByRole("region", { name: "Your practice log" });
  await expect(log.getByRole("heading", { name: "Your practice log" })).toBeVisible();
  return log;
}

async function addEntry(log: Locator, fields: Partial<typeof entry & { practisedOn: string }>) {
  const form = log.getByRole("form", { name: "Add an entry" });
  if (fields.practisedOn) await form.getByLabel("The day it happened").fill(fields.practisedOn);
  if (fields.whatHappened) await form.getByLabel("What happened").fill(fields.whatHappened);
  if (fields.whatNoticed) await form.getByLabel("What you noticed").fill(fields.whatNoticed);
  if (fields.whatYouDid) await form.getByLabel("What you did").fill(fields.whatYouDid);
  await form.getByRole("button", { name: "Save entry" }).click();
}

test("adds an entry by keyboard, keeps it across a reload, edits it and deletes it", async ({ page, context }) => {
  const log = await openLog(page);
  await expect(log.getByText(/Nothing here yet/)).toBeVisible();

  // Keyboard only: the date is today already; type the three texts and press the button.
  const today = await page.evaluate(() => {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  });
  const form = log.getByRole("form", { name: "Add an entry" });
  await expect(form.getByLabel("The day it happened")).toHaveValue(today);
  await form.getByLabel("What happened").focus(); // (Tab steps through the date's day, month and year first)
  for (const [index, text] of [entry.whatHappened, entry.whatNoticed, entry.whatYouDid].entries()) {
    if (index > 0) await page.keyboard.press("Tab");
    await page.keyboard.type(text);
  }
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Save entry" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(log.getByRole("status")).toHaveText("Entry saved");
  await expect(log.getByRole("status")).toBeFocused();
  await expect(form.getByLabel("What happened")).toHaveValue("");
  const saved = log.getByRole("listitem").filter({ hasText: entry.whatHappened });
  await expect(saved).toContainText(entry.whatYouDid);
  await expect(saved.locator("time")).toHaveAttribute("datetime", today);
  expect((await context.cookies()).some((cookie) => cookie.name.includes("drawbridge.session_token"))).toBe(true);

  await page.reload();
  await expect(saved).toContainText(entry.whatNoticed);

  await saved.getByRole("button", { name: /^Edit/ }).click();
  const editForm = log.getByRole("form", { name: /^Edit the entry from/ });
  await expect(editForm.getByLabel("The day it happened")).toBeFocused();
  await editForm.getByLabel("The day it happened").fill("2026-11-20");
  await editForm.getByLabel("What you did").fill("Stayed, and told them it felt strange to hear.");
  await editForm.getByRole("button", { name: "Save changes" }).click();
  await expect(log.getByRole("status")).toHaveText("Changes saved");
  await expect(saved.locator("time")).toHaveAttribute("datetime", "2026-11-20");
  await expect(saved).toContainText("told them it felt strange");

  await page.reload();
  await expect(saved).toContainText("told them it felt strange");
  await expect(saved.getByRole("heading")).toContainText("20 November 2026");

  await saved.getByRole("button", { name: /^Delete/ }).click();
  const question = saved.getByRole("group", { name: "Delete this entry?" });
  await expect(question.getByRole("button", { name: "Keep it" })).toBeFocused();
  await question.getByRole("button", { name: "Keep it" }).click();
  await expect(saved).toBeVisible();

  await saved.getByRole("button", { name: /^Delete/ }).click();
  await question.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(log.getByRole("status")).toHaveText("Entry deleted");
  await expect(log.getByRole("heading", { name: "Your entries" })).toBeFocused();
  await expect(log.getByText(/Nothing here yet/)).toBeVisible();
  await page.reload();
  await expect(log.getByText(/Nothing here yet/)).toBeVisible();
});

test("shows what needs changing beside the field, and saves nothing until it is right", async ({ page }) => {
  const log = await openLog(page);
  await addEntry(log, { practisedOn: "2099-01-01", whatHappened: entry.whatHappened, whatYouDid: entry.whatYouDid });

  const form = log.getByRole("form", { name: "Add an entry" });
  const noticed = form.getByLabel("What you noticed");
  await expect(noticed).toHaveAttribute("aria-invalid", "true");
  await expect(noticed).toHaveAccessibleDescription("Please write a few words about what you noticed.");
  await expect(form.getByLabel("The day it happened")).toHaveAccessibleDescription(/hasn’t come yet/);
  await expect(form.getByLabel("The day it happened")).toBeFocused();
  await expect(form.getByLabel("What happened")).toHaveValue(entry.whatHappened);

  await page.reload();
  await expect(log.getByText(/Nothing here yet/)).toBeVisible();
});

test("another visitor sees none of your entries and cannot change them", async ({ page, browser }) => {
  const log = await openLog(page);
  await addEntry(log, entry);
  await expect(log.getByRole("status")).toHaveText("Entry saved");
  const { entries } = (await (await page.request.get(api)).json()) as { entries: { id: string }[] };
  const mine = entries[0]!.id;

  const stranger = await browser.newContext();
  try {
    const theirPage = await stranger.newPage();
    const theirLog = await openLog(theirPage);
    await expect(theirLog.getByText(/Nothing here yet/)).toBeVisible();
    await expect(theirLog.getByText(entry.whatHappened)).toHaveCount(0);

    // With a profile of their own, my entry's id still gets them nothing.
    await addEntry(theirLog, { whatHappened: "Theirs.", whatNoticed: "Theirs.", whatYouDid: "Theirs." });
    await expect(theirLog.getByRole("status")).toHaveText("Entry saved");
    const body = { practisedOn: "2026-11-20", whatHappened: "Changed", whatNoticed: "Changed", whatYouDid: "Changed" };
    expect((await theirPage.request.put(`/api/practice/entries/${mine}`, { data: body })).status()).toBe(404);
    expect((await theirPage.request.delete(`/api/practice/entries/${mine}`)).status()).toBe(404);
    await theirPage.reload();
    await expect(theirLog.getByRole("listitem")).toHaveCount(1);
  } finally {
    await stranger.close();
  }

  await page.reload();
  await expect(log.getByRole("listitem").filter({ hasText: entry.whatHappened })).toContainText(entry.whatYouDid);
});

test("the routes answer plainly: no profile made by reading, 404 for unknown practices, reasons for bad input", async ({
  request,
}) => {
  const list = await request.get(api);
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ entries: [] });
  expect(list.headers()["set-cookie"]).toBeUndefined();

  expect((await request.get("/api/practice/not-a-capacity/entries")).status()).toBe(404);
  const unknown = await request.post("/api/practice/not-a-capacity/entries", { data: entry });
  expect(unknown.status()).toBe(404);

  const invalid = await request.post(api, { data: { ...entry, practisedOn: "1999-12-31", whatYouDid: " " } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({
    error: expect.any(String),
    fieldErrors: {
      practisedOn: "Please choose a date from the year 2000 onwards.",
      whatYouDid: "Please write a few words about what you did.",
    },
  });
  expect(invalid.headers()["set-cookie"]).toBeUndefined();

  const created = await request.post(api, { data: { ...entry, practisedOn: "2026-11-20" } });
  expect(created.status()).toBe(201);
  const { entry: saved } = await created.json();
  expect(saved).toMatchObject({ ...entry, practisedOn: "2026-11-20", capacity: "catching-the-reflex" });
  expect((await request.delete(`/api/practice/entries/${saved.id}`)).status()).toBe(204);
  expect((await request.delete(`/api/practice/entries/${saved.id}`)).status()).toBe(404);
});

for (const colorScheme of ["light", "dark"] as ColorScheme[]) {
  test(`no axe violations with entries, an open edit and a delete question (${colorScheme}); screenshots`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.setViewportSize({ width: screenshotWidths.phone, height: 844 });
    const log = await openLog(page);
    await expectNoAxeViolations(page, `${practiceStep} (empty log, ${colorScheme})`);

    await addEntry(log, { ...entry, practisedOn: "2026-11-20" });
    await expect(log.getByRole("status")).toHaveText("Entry saved");
    await addEntry(log, { whatHappened: "A long hug at the station.", whatNoticed: "I counted the seconds." });
    await expect(log.getByText("Please write a few words about what you did.")).toBeVisible();
    await expectNoAxeViolations(page, `${practiceStep} (an entry and a field error, ${colorScheme})`);
    await page.screenshot({ path: path.join(screenshotDir, `practice-log-390-${colorScheme}.png`), fullPage: true });

    // Edit the older entry; the one added next (today) goes above it and is asked about deleting.
    await log.getByRole("listitem").first().getByRole("button", { name: /^Edit/ }).click();
    await addEntry(log, { whatYouDid: "Stayed in it." });
    await expect(log.getByRole("status")).toHaveText("Entry saved");
    await expect(log.getByRole("listitem")).toHaveCount(2);
    await log.getByRole("listitem").first().getByRole("button", { name: /^Delete/ }).click();
    await expect(log.getByRole("group", { name: "Delete this entry?" })).toBeVisible();
    await expectNoAxeViolations(page, `${practiceStep} (editing and deleting, ${colorScheme})`);
    await page.screenshot({
      path: path.join(screenshotDir, `practice-log-editing-390-${colorScheme}.png`),
      fullPage: true,
    });
  });
}
