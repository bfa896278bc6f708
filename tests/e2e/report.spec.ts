import { execFileSync } from "node:child_process";
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectedScores, finishQuiz, strategyNames } from "./support/quiz";
import { saveScreenshots, screenshotDir } from "./support/screenshots";

const reflectionStep = "/lessons/the-pattern-from-inside/5";
const pattern = (index: number) => 1 + ((index * 2) % 5);
const reflection = "Żaneta asked me to stay for dinner and I found a reason to leave.";

/** Downloads the report from the form on the page and returns its text as pdftotext (poppler) reads it. */
async function downloadReport(page: Page, form: ReturnType<Page["getByRole"]>, name = "report") {
  const [file] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download the report (PDF)" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^drawbridge-report-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = path.join(screenshotDir, `${name}.pdf`);
  await copyFile((await file.path())!, pdf);
  return { pdf, text: execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }) };
}

test.describe.configure({ timeout: 120_000 });

test("a result's PDF report holds its scores, ranges and the not-a-diagnosis note, and my writing only when I tick it", async ({ page }) => {
  const recorded = page.waitForResponse((response) => response.url().includes("/progress") && response.ok());
  const fetched = page.waitForResponse((response) => response.url().includes("/reflections") && response.ok());
  await page.goto(reflectionStep);
  await Promise.all([recorded, fetched]);
  await page.getByRole("textbox").fill(reflection);
  await expect(page.getByRole("status")).toHaveText("Saved");
  await finishQuiz(page, pattern);

  const form = page.getByRole("form", { name: "A report to bring to someone" });
  await expect(form).toContainText("Once you share the PDF, it is out of Drawbridge’s hands");
  const plain = await downloadReport(page, form, "report-scores-only");
  expect(plain.text).toContain("My patterns quiz result");
  for (const [strategy, score] of Object.entries(expectedScores(pattern))) {
    expect(plain.text).toMatch(new RegExp(`${strategyNames[strategy]}\\s+${score}\\s+\\d+ to \\d+`));
  }
  expect(plain.text).toContain("A reflection tool, not a diagnosis");
  expect(plain.text).toMatch(/crisis lines: http:\/\/\S+\/help/);
  expect(plain.text).not.toContain("Żaneta");
  expect(plain.text).not.toContain("My reflections");

  await form.getByLabel("My reflections from the lessons").check();
  const withWriting = await downloadReport(page, form, "report-with-reflections");
  expect(withWriting.text.replace(/\s+/g, " ")).toContain(reflection);
  expect(withWriting.text).not.toContain("My practice log");

  // Its first page, drawn as a person opening the file would see it (look at it after a change).
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", withWriting.pdf, path.join(screenshotDir, "report-page")]);
  // The results page with the report form and the reminder under it, on a phone and a desktop.
  await saveScreenshots(page, new URL(page.url()).pathname, "results-report", "dark");
});

test("another person's result is a 404, and a report never makes a profile", async ({ page, browser, baseURL }) => {
  const attemptId = await finishQuiz(page, () => 3);
  const stranger = await browser.newContext({ baseURL });
  expect((await stranger.request.get(`/api/me/report?result=${attemptId}`)).status()).toBe(404);
  expect((await stranger.request.get("/api/me/report")).status()).toBe(400);
  expect((await stranger.storageState()).cookies).toEqual([]);
  await stranger.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the report form still downloads the PDF from My journey", async ({ page }) => {
    await finishQuiz(page, () => 3); // a result to report on (written through lib/data)
    await page.goto("/me");
    const { text } = await downloadReport(page, page.getByRole("form", { name: "A report to bring to someone" }), "report-no-js");
    expect(text).toContain("My patterns quiz result");
  });
});
