import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { expectNoAxeViolations, type ColorScheme } from "./support/axe";
import { finishQuiz } from "./support/quiz";
import { saveScreenshots } from "./support/screenshots";

// Lesson 6's last step: the "caught it" practice, with its log and the reminder under it.
const practiceStep = "/lessons/catch-the-reflex/5";

/** Clicks the download button and returns the calendar file's name and its one event, parsed. */
async function download(page: Page, form: ReturnType<Page["getByRole"]>) {
  const [file] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: /Download for my calendar/ }).click()]);
  const text = await readFile((await file.path())!, "utf8");
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
  return { name: file.suggestedFilename(), text, event: new ICAL.Event(vevent) };
}

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a results page gives a calendar file to retake the quiz, with the person's own words and nothing else", async ({ page }) => {
  await finishQuiz(page, () => 3);
  await page.getByText("Remind me to retake the quiz").click();
  const form = page.getByRole("form", { name: "A reminder to retake the quiz" });
  await expect(form.getByLabel("What your calendar will say")).toHaveValue("Check in with myself");
  await form.getByLabel("What your calendar will say").fill("Tea with myself, 20 min");
  await form.getByLabel("When").selectOption({ label: "In 6 weeks" });
  const { name, text, event } = await download(page, form);
  expect(name).toBe("reminder.ics");
  expect(event.summary).toBe("Tea with myself, 20 min");
  expect(event.startDate.isDate).toBe(true);
  // The server counts from its own (UTC) today; a run across midnight may see tomorrow.
  expect([daysFromToday(42), daysFromToday(43)]).toContain(event.startDate.toString());
  expect(text).not.toMatch(/drawbridge|quiz|avoid/i);
  await expect(page).toHaveURL(/\/results\//); // a download: the page stays where it was
});

test("a practice step gives a repeating reminder at the chosen time, linking back only when ticked", async ({ page }) => {
  await page.goto(practiceStep);
  await page.getByText("Remind me to practise").click();
  const form = page.getByRole("form", { name: "A reminder to practise" });
  await form.getByLabel("How often").selectOption({ label: "Every day" });
  await form.getByLabel("At what time").fill("07:30");
  await form.getByLabel("Add a link back to Drawbridge").check();
  const { event } = await download(page, form);
  expect(event.startDate.toString()).toMatch(/T07:30:00$/);
  expect(event.component.getFirstPropertyValue("rrule")!.toString()).toBe("FREQ=DAILY;COUNT=56");
  expect(event.description).toMatch(/^Practise from “.+” on Drawbridge: http:\/\/.+\/lessons\/catch-the-reflex$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still downloads the file", async ({ page }) => {
    await page.goto(practiceStep);
    await page.getByText("Remind me to practise").click();
    const { event } = await download(page, page.getByRole("form", { name: "A reminder to practise" }));
    expect(event.summary).toBe("A few quiet minutes for me");
    expect(event.component.getFirstPropertyValue("rrule")!.toString()).toBe("FREQ=WEEKLY;COUNT=8");
  });
});

test("a refused reminder comes back to the form with the reason beside the field; other clients get 400 with reasons", async ({ page, baseURL }) => {
  const form = { kind: "retake-quiz", title: "two\nlines", weeks: "4" };
  const asBrowser = await page.request.post("/api/reminders", { form, headers: { accept: "text/html", origin: baseURL! }, maxRedirects: 0 });
  expect(asBrowser.status()).toBe(303);
  // A path on this site: an address made from request.url would be http://localhost:PORT, another origin.
  expect(asBrowser.headers().location).toMatch(/^\/reminders\?kind=retake-quiz&problem=title$/);
  await page.goto(asBrowser.headers().location!);
  const title = page.getByLabel("What your calendar will say");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Give the reminder a title: one line of at most 80 characters.")).toBeVisible();
  await expect(title).toHaveAccessibleDescription(/Anyone who sees your calendar.*Give the reminder a title/);

  const asClient = await page.request.post("/api/reminders", { form: { kind: "practice", title: "Hi", time: "25:00", repeat: "daily" } });
  expect(asClient.status()).toBe(400);
  expect(await asClient.json()).toEqual({ error: "The reminder can't be made.", problems: { time: "Choose a time of day, like 19:00." } });
  const unknownLesson = await page.request.post("/api/reminders", { form: { kind: "practice", title: "Hi", time: "19:00", repeat: "daily", lesson: "no-such-lesson" } });
  expect((await unknownLesson.json()).problems).toEqual({ lesson: "That lesson doesn’t exist." });
  const json = await page.request.post("/api/reminders", { data: { kind: "retake-quiz" } });
  expect(json.status()).toBe(415);
});

for (const scheme of ["light", "dark"] as ColorScheme[]) {
  test(`/reminders has no axe violations in ${scheme} mode, with a problem shown; saves screenshots to look at`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/reminders?kind=practice&lesson=catch-the-reflex&problem=time");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A reminder to practise");
    await expect(page.getByText("Choose a time of day, like 19:00.")).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshots(page, "/reminders?kind=retake-quiz", `reminders`, scheme);
  });
}
