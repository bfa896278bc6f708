import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, type ColorScheme } from "./support/axe";
import { finishQuiz } from "./support/quiz";
import { saveScreenshots } from "./support/screenshots";

// Read the content as a reader would meet it: the lines file and the lessons' front matter.
const contentDir = path.join(__dirname, "..", "..", "content");
type Line = { name: string; phone: string };
type Country = { id: string; name: string; lines: Line[]; emergency: { number: string } };
const help = JSON.parse(readFileSync(path.join(contentDir, "help", "lines.json"), "utf8")) as {
  abuse: { countries: Country[] };
};

const lessonsDir = path.join(contentDir, "lessons");
const lessons = readdirSync(lessonsDir)
  .filter((name) => name.endsWith(".md"))
  .sort()
  .map((name) => {
    const source = readFileSync(path.join(lessonsDir, name), "utf8");
    const front = /^---\n([\s\S]*?)\n---/.exec(source)![1]!;
    const body = source.slice(source.indexOf("\n---", 3) + 4);
    // The step (1-based) whose text holds the practice block, if any.
    const steps = body.split(/^## /m).slice(1);
    const practiceStep = steps.findIndex((step) => step.includes("```practice")) + 1;
    return {
      file: name,
      slug: /^slug: (.+)$/m.exec(front)![1]!.trim(),
      safetyNote: /^safetyNote: true$/m.test(front),
      practiceStep,
    };
  });
const lessonNumbered = (n: number) => lessons.find((lesson) => lesson.file.startsWith(`${String(n).padStart(2, "0")}-`))!;

const schemes: ColorScheme[] = ["light", "dark"];
const afraidHeading = "If you’re afraid of a partner or family member";
const tel = (number: string) => `tel:${number.replace(/[ -]/g, "")}`;

const safetyNote = (page: Page) => page.getByRole("heading", { name: "A note on safety" });

test.describe.configure({ timeout: 120_000 });

test.describe("the help page, for someone afraid of a partner or family member", () => {
  test("every country's abuse line is there with a number to call", async ({ page }) => {
    await page.goto("/help");
    const section = page.getByRole("region", { name: afraidHeading });
    await expect(section.getByRole("heading", { level: 2, name: afraidHeading })).toBeVisible();
    for (const id of ["us", "uk", "ie", "ca", "au", "nz"]) {
      expect(help.abuse.countries.some((country) => country.id === id), id).toBe(true);
    }
    for (const country of help.abuse.countries) {
      const card = section.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: country.name }) });
      await expect(card.getByRole("heading", { level: 3, name: country.name })).toBeVisible();
      for (const line of country.lines) {
        await expect(card.getByText(line.name, { exact: true })).toBeVisible();
        await expect(card.getByRole("link", { name: line.phone, exact: true })).toHaveAttribute("href", tel(line.phone));
      }
      await expect(card.getByRole("link", { name: country.emergency.number, exact: true })).toHaveAttribute(
        "href",
        tel(country.emergency.number),
      );
    }
    // Canada has no single national line: the page says so and shows where to find one.
    await expect(section.getByText(/Canada has no single national line/)).toBeVisible();
    await expect(section.getByRole("link", { name: /ShelterSafe/ })).toHaveAttribute("href", "https://sheltersafe.ca");
    // Anywhere else.
    await expect(section.getByRole("link", { name: "Find A Helpline" })).toHaveAttribute("href", "https://findahelpline.com");
    await expect(section.getByText(/last checked these numbers/)).toBeVisible();
  });

  test("the US line shows its text code, chat and hours", async ({ page }) => {
    await page.goto("/help");
    const us = page
      .getByRole("region", { name: afraidHeading })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "United States" }) });
    await expect(us.getByText("Text START to 88788")).toBeVisible();
    await expect(us.getByRole("link", { name: /^Chat online/ })).toHaveAttribute("href", "https://www.thehotline.org");
    await expect(us.getByText("Open 24 hours a day, every day").first()).toBeVisible();
  });

  test("the crisis lines still work without any script", async ({ page }) => {
    await page.goto("/help");
    await expect(page.getByRole("link", { name: "988", exact: true })).toHaveAttribute("href", "tel:988");
    await expect(page.getByRole("link", { name: "116 123", exact: true })).toHaveAttribute("href", "tel:116123");
  });
});

test.describe("using a shared device", () => {
  for (const where of ["/help", "/privacy"]) {
    test(`${where} explains what this browser keeps, how to remove it, and the history`, async ({ page }) => {
      await page.goto(where);
      const section = page.getByRole("region", { name: "Using a shared device" });
      await expect(section.getByRole("heading", { level: 2, name: "Using a shared device" })).toBeVisible();
      await expect(section.getByText(/tied to this browser by a cookie/)).toBeVisible();
      await expect(section.getByRole("link", { name: "Delete everything" })).toHaveAttribute("href", "/me/delete");
      await expect(section.getByText(/sign out on My journey/)).toBeVisible();
      await expect(section.getByText(/private \(incognito\) window/)).toBeVisible();
      await expect(section.getByText(/history can still list/)).toBeVisible();
    });
  }

  test("the help page links to it from the section for someone afraid", async ({ page }) => {
    await page.goto("/help");
    await page.getByRole("region", { name: afraidHeading }).getByRole("link", { name: "using a shared device" }).click();
    await expect(page).toHaveURL(/\/help#shared-device$/);
  });
});

test.describe("the safety note", () => {
  test("opens lesson 4 and lesson 6, and not lesson 1", async ({ page }) => {
    for (const n of [4, 6]) {
      const lesson = lessonNumbered(n);
      expect(lesson.safetyNote, lesson.file).toBe(true);
      await page.goto(`/lessons/${lesson.slug}/1`);
      await expect(safetyNote(page), lesson.file).toBeVisible();
      await expect(page.getByText(/These practices are for relationships that are safe/)).toBeVisible();
    }
    const lessonOne = lessonNumbered(1);
    await page.goto(`/lessons/${lessonOne.slug}/1`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(safetyNote(page)).toHaveCount(0);
  });

  test("opens step 1 of exactly the lessons marked safetyNote", async ({ page }) => {
    for (const lesson of lessons) {
      await page.goto(`/lessons/${lesson.slug}/1`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Once at the top of a marked lesson; a step-1 practice log would carry its own.
      await expect(safetyNote(page), lesson.file).toHaveCount(lesson.safetyNote || lesson.practiceStep === 1 ? 1 : 0);
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("shows the abuse lines on request and leads to the help page", async ({ page }) => {
      await page.goto(`/lessons/${lessonNumbered(4).slug}/1`);
      const line = page.getByRole("link", { name: "1-800-799-7233" });
      await expect(line).toBeHidden();
      await page.getByText("Where to get help").click();
      await expect(line).toBeVisible();
      await expect(line).toHaveAttribute("href", "tel:18007997233");
      await page.getByRole("link", { name: /More on the help page/ }).click();
      await expect(page).toHaveURL(/\/help#afraid-of-someone$/);
      await expect(page.getByRole("heading", { name: afraidHeading })).toBeInViewport();
    });
  });

  test("sits beside the practice log where you write entries", async ({ page }) => {
    const lesson = lessonNumbered(6);
    expect(lesson.practiceStep, "lesson 6 has a practice step").toBeGreaterThan(1);
    await page.goto(`/lessons/${lesson.slug}/${lesson.practiceStep}`);
    const practice = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Practice:/ }) });
    await expect(practice.getByRole("heading", { level: 4, name: "A note on safety" })).toBeVisible();
  });

  test("is on the results page, with the lines inside", async ({ page }) => {
    await finishQuiz(page, () => 4);
    await expect(safetyNote(page)).toBeVisible();
    await page.getByText("Where to get help").click();
    await expect(page.getByRole("link", { name: "0808 2000 247" })).toHaveAttribute("href", "tel:08082000247");
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoAxeViolations(page, `results with the safety note open (${scheme})`);
    }
  });
});

test.describe("accessibility scan (axe) and screenshots", () => {
  for (const scheme of schemes) {
    for (const where of ["/help", "/privacy"]) {
      test(`${where} has no violations in ${scheme} mode`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(where);
        await expectNoAxeViolations(page, `${where} (${scheme})`);
      });
    }

    test(`lesson 4 step 1 with the safety note open has no violations in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`/lessons/${lessonNumbered(4).slug}/1`);
      await page.getByText("Where to get help").click();
      await expect(page.getByRole("link", { name: "1800 737 732" })).toBeVisible();
      await expectNoAxeViolations(page, `lesson 4 step 1 (${scheme})`);
    });

    test(`help and lesson 4 step 1 at 390 px and 1280 px in ${scheme} mode`, async ({ page }) => {
      await saveScreenshots(page, "/help", "help-safety", scheme);
      await saveScreenshots(page, `/lessons/${lessonNumbered(4).slug}/1`, "lesson-4-safety-note", scheme);
      // Nothing may scroll sideways on a phone, even with the lines open.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/lessons/${lessonNumbered(4).slug}/1`);
      await page.getByText("Where to get help").click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.goto("/help");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
});
