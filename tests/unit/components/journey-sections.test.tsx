// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { numberResults } from "@/components/journey/format";
import { groupPracticeEntries, PracticeByCapacity } from "@/components/journey/practice-by-capacity";
import { groupReflections, ReflectionsByLesson } from "@/components/journey/reflections-by-lesson";
import { ResultItem, ResultsList, type ResultSummary } from "@/components/journey/results-list";
import type { Capacity, Lesson } from "@/lib/content/lessons";

const step = (number: number, extra: Partial<Lesson["steps"][number]> = {}) => ({
  number,
  title: `Step ${number}`,
  html: "<p>Text</p>",
  reflections: [],
  practice: null,
  ...extra,
});
const lesson = (slug: string, title: string, steps: Lesson["steps"], teaches?: string): Lesson => ({
  slug,
  order: 1,
  title,
  summary: "A summary.",
  minutes: 5,
  strategies: [],
  capacities: [],
  teaches,
  safetyNote: false,
  file: `${slug}.md`,
  steps,
});
const lessons = [
  lesson("first", "The first lesson", [
    step(1),
    step(2, { reflections: [{ id: "early", prompt: "What did you notice early on?" }] }),
    step(3, { reflections: [{ id: "late", prompt: "What do you notice now?" }] }),
  ]),
  lesson("practising", "Catching it", [step(1), step(2, { practice: { capacity: "catching", instructions: "Log it." } })], "catching"),
];
const capacities: Capacity[] = [
  { id: "catching", name: "Catching the reflex", summary: "…" },
  { id: "staying", name: "Staying with it", summary: "…" },
];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the results list", () => {
  it("shows the newest results it is given and links to the paged list of all of them, with nothing hidden", () => {
    const results: ResultSummary[] = numberResults(
      Array.from({ length: 12 }, (_, index) => ({
        id: `r${12 - index}`,
        quizVersion: "1",
        completedAt: new Date(Date.UTC(2026, 11 - index, 15, 10)),
        strategies: [],
      })),
    ).map((result) => ({ ...result, top: result.number === 12 ? [{ name: "Control", reading: "between moderate and high" }] : [] }));
    const { container } = render(<ResultsList results={results.slice(0, 10)} total={500} />);
    expect(container.querySelector("details")).toBeNull();
    const all = [...container.querySelectorAll("a")];
    expect(all.slice(0, 10).map((link) => link.getAttribute("href"))).toEqual(Array.from({ length: 10 }, (_, index) => `/results/r${12 - index}`));
    expect(all[0]!.textContent).toBe("15 December 2026Result 12Stood out: Control (between moderate and high)");
    expect(all[9]!.textContent).toContain("Too few answers to show a pattern");
    expect(all).toHaveLength(11);
    expect(all[10]!.textContent).toBe("See all 500 results");
    expect(all[10]!.getAttribute("href")).toBe("/me/results");
  });

  it("needs no link to more when every result is shown", () => {
    const results: ResultSummary[] = numberResults([
      { id: "only", quizVersion: "1", completedAt: new Date(Date.UTC(2026, 10, 1)), strategies: [] },
    ]).map((result) => ({ ...result, top: [] }));
    const { container } = render(<ResultsList results={results} />);
    expect([...container.querySelectorAll("a")].map((link) => link.textContent)).not.toContain("See all 1 results");
    expect(container.querySelectorAll("a")).toHaveLength(1);
  });
});

describe("a result in the list of all results", () => {
  const [result] = numberResults([
    { id: "r3", quizVersion: "1", completedAt: new Date(Date.UTC(2026, 2, 5, 10)), strategies: [] },
    { id: "r2", quizVersion: "1", completedAt: new Date(Date.UTC(2026, 1, 5, 10)), strategies: [] },
    { id: "r1", quizVersion: "1", completedAt: new Date(Date.UTC(2026, 0, 5, 10)), strategies: [] },
  ]).map((numbered) => ({ ...numbered, top: [] }));

  it("offers a box to choose it for comparing, named for the result, ticked when already chosen", () => {
    const { unmount } = render(
      <ul>
        <ResultItem result={result!} compareWith="r9" chosen={false} />
      </ul>,
    );
    const box = screen.getByRole("checkbox", { name: "Choose Result 3 to compare" });
    expect(box.getAttribute("name")).toBe("choose");
    expect(box.getAttribute("value")).toBe("r3");
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole("link", { name: "Compare Result 3 with your latest" }).getAttribute("href")).toBe("/me/compare?from=r3&to=r9");
    unmount();
    render(
      <ul>
        <ResultItem result={result!} chosen />
      </ul>,
    );
    expect((screen.getByRole("checkbox", { name: "Choose Result 3 to compare" }) as HTMLInputElement).checked).toBe(true);
  });

  it("has no box where nothing is being chosen (My journey's newest results)", () => {
    render(<ResultsList results={[result!]} />);
    expect(screen.queryByRole("checkbox")).toBeNull();
  });
});

describe("reflections by lesson", () => {
  const reflections = [
    { id: "a", lessonSlug: "first", promptId: "late", text: "Now I notice sooner.", updatedAt: new Date("2026-11-20T10:00:00Z") },
    { id: "b", lessonSlug: "gone", promptId: "old", text: "Kept anyway.", updatedAt: new Date("2026-11-19T10:00:00Z") },
    { id: "c", lessonSlug: "first", promptId: "early", text: "Early on, nothing.", updatedAt: new Date("2026-11-01T10:00:00Z") },
    { id: "d", lessonSlug: "practising", promptId: "x", text: "   ", updatedAt: new Date("2026-11-02T10:00:00Z") },
  ];

  it("groups by lesson in path order, prompts in lesson order, leaves out blank ones, keeps the orphaned", () => {
    const groups = groupReflections(lessons, reflections);
    expect(groups.map((group) => [group.title, group.reflections.map((reflection) => reflection.id)])).toEqual([
      ["The first lesson", ["c", "a"]],
      ["A lesson that is no longer on the path", ["b"]],
    ]);
    render(<ReflectionsByLesson groups={groups} />);
    const first = screen.getByRole("heading", { name: "Lesson 1: The first lesson" }).nextElementSibling as HTMLElement;
    const items = within(first).getAllByRole("listitem");
    expect(items[0]!.textContent).toContain("What did you notice early on?");
    expect(items[0]!.textContent).toContain("Early on, nothing.");
    expect(items[0]!.textContent).toContain("Last saved 1 November 2026");
    expect(within(items[1]!).getByRole("link", { name: "Lesson 1, step 3" }).getAttribute("href")).toBe("/lessons/first/3");
  });
});

describe("practice entries by capacity", () => {
  const entry = (id: string, capacity: string, on: string) => ({
    id,
    capacity,
    practisedOn: day(on),
    whatHappened: `Happened ${id}`,
    whatNoticed: `Noticed ${id}`,
    whatYouDid: `Did ${id}`,
  });

  it("groups by capacity in content order, newest first, with a way back to the log", () => {
    const groups = groupPracticeEntries(capacities, lessons, [
      entry("old", "catching", "2026-10-02"),
      entry("unknown", "retired-capacity", "2026-11-01"),
      entry("new", "catching", "2026-11-05"),
    ]);
    expect(groups.map((group) => [group.name, group.entries.map((item) => item.id)])).toEqual([
      ["Catching the reflex", ["new", "old"]],
      ["retired-capacity", ["unknown"]],
    ]);
    expect(groups[0]!.log).toEqual({ href: "/lessons/practising/2", lessonNumber: 2 });
    render(<PracticeByCapacity groups={groups} />);
    const newest = screen.getByRole("article", { name: "5 November 2026" });
    expect(within(newest).getByText("What you did").nextElementSibling!.textContent).toBe("Did new");
    expect(screen.getByRole("link", { name: "Add one in lesson 2" }).getAttribute("href")).toBe("/lessons/practising/2");
  });

  it("shows five entries per capacity and keeps the rest behind a disclosure", () => {
    const many = Array.from({ length: 7 }, (_, index) => entry(`e${index}`, "catching", `2026-11-0${index + 1}`));
    const { container } = render(<PracticeByCapacity groups={groupPracticeEntries(capacities, lessons, many)} />);
    expect(within(container.querySelector("details")!).getByText("Show 2 earlier entries")).toBeTruthy();
    expect(screen.getAllByRole("article").map((article) => article.getAttribute("aria-labelledby"))).toEqual(
      ["e6", "e5", "e4", "e3", "e2", "e1", "e0"].map((id) => `practice-${id}`),
    );
  });
});
