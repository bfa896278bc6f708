import { describe, expect, it } from "vitest";
import { capacities, checkLessons, lessons, parseLessonFile, readLessonFiles } from "@/lib/content/lessons";

const file = "content/lessons/99-sample.md";

function source({ front = {}, body }: { front?: Record<string, string>; body?: string } = {}) {
  const fields = {
    slug: "the-trade-off",
    order: "2",
    title: "A trade you made long ago",
    summary: "A short line.",
    minutes: "5",
    strategies: "[intimacy-avoidance]",
    capacities: "[]",
    ...front,
  };
  const yaml = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
  const steps =
    body ??
    "## One\n\nFirst idea.\n\n## Two\n\nSecond idea.\n\n```reflection id=cost\nWhat did closeness cost?\n```\n\n## Three\n\nThird idea.\n";
  return `---\n${yaml}\n---\n\n${steps}`;
}

const problemsOf = (text: string) => parseLessonFile(file, text).problems;

describe("the lesson files", () => {
  it("are all there, in reading order, and pass every check", () => {
    const all = lessons();
    expect(all.map((lesson) => [lesson.order, lesson.slug])).toEqual(
      [
        "the-pattern-from-inside",
        "the-trade-off",
        "why-willpower-fails",
        "the-loop",
        "what-needs-to-change",
        "catch-the-reflex",
        "stay-with-tender-feelings",
        "space-without-leaving",
        "let-yourself-be-known",
        "real-danger-or-old-signal",
        "the-other-strategies",
        "say-it-straight",
        "let-others-carry-some",
      ].map((slug, index) => [index + 1, slug]),
    );
    expect(checkLessons(readLessonFiles(), capacities)).toEqual([]);
    for (const lesson of all) {
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length).toBeLessThanOrEqual(7);
    }
  });

  it("teach one capacity each on lessons 6 to 10, 12 and 13, in the order of the capacities", () => {
    expect(lessons().map((lesson) => lesson.teaches ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      "catching-the-reflex",
      "staying-with-tender-feelings",
      "space-without-cutting-off",
      "letting-yourself-be-known",
      "telling-danger-from-echoes",
      null,
      "saying-it-straight",
      "letting-others-help",
    ]);
    expect(lessons().flatMap((lesson) => lesson.teaches ?? [])).toEqual(capacities.map((capacity) => capacity.id));
  });

  it("give lessons 1–5 and 11 a reflection prompt, and lessons 6–10, 12 and 13 a practice for their capacity", () => {
    const practised: number[] = [];
    for (const [index, lesson] of lessons().entries()) {
      const capacity = lesson.teaches;
      if (capacity) {
        expect(lesson.steps.some((step) => step.practice?.capacity === capacity), lesson.slug).toBe(true);
        practised.push(index + 1);
      } else expect(lesson.steps.some((step) => step.reflections.length > 0), lesson.slug).toBe(true);
    }
    expect(practised).toEqual([6, 7, 8, 9, 10, 12, 13]);
  });

  it("follow lesson 11 with the two lessons for the other strategies, each marked for the safety note", () => {
    const all = lessons();
    expect(all.slice(10).map((lesson) => [lesson.order, lesson.slug, lesson.strategies])).toEqual([
      [11, "the-other-strategies", ["intimacy-avoidance", "conflict-avoidance", "passive-aggressiveness", "control", "overfunctioning"]],
      [12, "say-it-straight", ["conflict-avoidance", "passive-aggressiveness"]],
      [13, "let-others-carry-some", ["control", "overfunctioning"]],
    ]);
    const text = (lesson: (typeof all)[number]) => lesson.steps.map((step) => step.html).join("\n");
    for (const lesson of all.slice(11)) {
      expect(lesson.safetyNote, lesson.slug).toBe(true);
      // Somewhere in the lesson itself: practising with someone who hurts you is not the work.
      expect(text(lesson), lesson.slug).toMatch(/hurts, threatens or controls you[^.]*is not the work/);
    }
    // Lesson 11's last step sends readers on to both.
    const closing = all[10]!.steps.at(-1)!.html;
    expect(closing).toContain('href="/lessons/say-it-straight"');
    expect(closing).toContain('href="/lessons/let-others-carry-some"');
  });
});

describe("the lesson check names the file and the field", () => {
  it("parses steps, prompts and text", () => {
    const { lesson, problems } = parseLessonFile(file, source());
    expect(problems).toEqual([]);
    expect(lesson?.steps.map((step) => step.title)).toEqual(["One", "Two", "Three"]);
    expect(lesson?.steps[1]?.reflections).toEqual([{ id: "cost", prompt: "What did closeness cost?" }]);
    expect(lesson?.steps[1]?.html).toContain("<p>Second idea.</p>");
    expect(lesson?.steps[1]?.html).not.toContain("reflection");
  });

  it("reports a step with no text", () => {
    expect(problemsOf(source({ body: "## One\n\nText.\n\n## Empty\n\n## Three\n\nText.\n" }))).toContain(
      `${file}: step 2 ("Empty"): has no text`,
    );
  });

  it("reports an unknown strategy and a missing field", () => {
    const problems = problemsOf(source({ front: { strategies: "[sulking]", summary: '""' } }));
    expect(problems).toContain(`${file}: front matter.strategies[0]: "sulking" is not a known strategy`);
    expect(problems).toContain(`${file}: front matter.summary: is empty or only whitespace`);
  });

  it("reports a prompt id repeated within a lesson", () => {
    const body =
      "## One\n\nA.\n\n```reflection id=same\nQ1\n```\n\n## Two\n\nB.\n\n```reflection id=same\nQ2\n```\n\n## Three\n\nC.\n";
    expect(problemsOf(source({ body }))).toContain(`${file}: step 2.reflection same: repeats a prompt id used earlier in this lesson`);
  });

  it("reports too few steps", () => {
    expect(problemsOf(source({ body: "## Only\n\nText.\n" }))).toContain(`${file}: steps: has 1 steps; a lesson has 3 to 7`);
  });

  it("reports an unknown capacity and a duplicate slug and order", () => {
    const first = parseLessonFile("content/lessons/a.md", source({ front: { capacities: "[juggling]" } }));
    const second = parseLessonFile("content/lessons/b.md", source());
    const problems = checkLessons([first, second], capacities);
    expect(problems).toContain('content/lessons/a.md: front matter.capacities[0]: "juggling" is not a capacity in content/capacities.json');
    expect(problems).toContain('content/lessons/b.md: front matter.slug: "the-trade-off" is also the slug of content/lessons/a.md');
    expect(problems).toContain("content/lessons/b.md: front matter.order: 2 is also the order of content/lessons/a.md");
  });

  it("reports an order past the number of lessons", () => {
    const problems = checkLessons([parseLessonFile(file, source({ front: { order: "4" } }))], capacities);
    expect(problems).toContain(`${file}: front matter.order: is 4, but there is 1 lesson file: number them from 1 to 1`);
  });

  it("reports a capacity taught by no lesson, by two, or one that does not exist", () => {
    const practice = (capacity: string) =>
      `## One\n\nA.\n\n## Two\n\nB.\n\n\`\`\`practice capacity=${capacity}\nLog it.\n\`\`\`\n\n## Three\n\nC.\n`;
    const lesson = (name: string, order: string, teaches: string) =>
      parseLessonFile(`content/lessons/${name}.md`, source({ front: { slug: name, order, teaches }, body: practice(teaches) }));
    const problems = checkLessons(
      [lesson("a", "1", "catching-the-reflex"), lesson("b", "2", "catching-the-reflex"), lesson("c", "3", "juggling")],
      capacities.slice(0, 2),
    );
    expect(problems).toEqual([
      'content/lessons/b.md: front matter.teaches: "catching-the-reflex" is already taught by content/lessons/a.md',
      'content/lessons/c.md: front matter.teaches: "juggling" is not a capacity in content/capacities.json',
      'content/lessons/c.md: step 2.practice: "juggling" is not a capacity in content/capacities.json',
      'content/capacities.json: [1].id: "staying-with-tender-feelings" is taught by no lesson (give one lesson "teaches: staying-with-tender-feelings")',
    ]);
  });

  it("reads only YAML front matter, and says when it is missing or broken", () => {
    expect(problemsOf("## One\n\nText.\n")).toEqual([`${file}: front matter: is missing (start the file with a --- block)`]);
    expect(problemsOf("---\ntitle: [unclosed\n---\n\n## One\n")[0]).toMatch(/^content\/lessons\/99-sample\.md: front matter: is not valid YAML \(/);
    expect(problemsOf('---js\n{ slug: "x" }\n---\n\n## One\n')).toEqual([
      `${file}: front matter: is not valid YAML (only YAML front matter is read)`,
    ]);
  });
});
