import { describe, expect, it } from "vitest";
import { notesMarkdown, quoted } from "@/lib/notes";

const lessons = [
  { slug: "second", title: "Second lesson", order: 2, steps: [{ reflections: [{ id: "why", prompt: "Why now?" }] }] },
  { slug: "first", title: "First lesson", order: 1, steps: [{ reflections: [{ id: "a", prompt: "What did you notice?" }] }, { reflections: [{ id: "b", prompt: "And then?" }] }] },
];
const capacities = [
  { id: "catching-the-reflex", name: "Catching the reflex", summary: "s", lesson: "first" },
  { id: "staying", name: "Staying", summary: "s", lesson: "second" },
];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("notesMarkdown", () => {
  it("puts reflections under their lesson and prompt in path order, then practice entries by capacity, newest first", () => {
    const file = notesMarkdown({
      reflections: [
        { lessonSlug: "second", promptId: "why", text: "Because it matters.", updatedAt: day("2026-11-20") },
        { lessonSlug: "first", promptId: "b", text: "I stayed.", updatedAt: day("2026-11-02") },
        { lessonSlug: "first", promptId: "a", text: "A tight chest.\n\nThen a joke.", updatedAt: day("2026-11-01") },
      ],
      practiceEntries: [
        { capacity: "catching-the-reflex", practisedOn: day("2026-11-03"), whatHappened: "Call", whatNoticed: "Pull", whatYouDid: "" },
        { capacity: "catching-the-reflex", practisedOn: day("2026-11-10"), whatHappened: "Dinner", whatNoticed: "Quiet", whatYouDid: "Stayed" },
      ],
      lessons,
      capacities,
      madeAt: day("2026-12-02"),
    });
    expect(file).toBe(
      [
        "# My notes from Drawbridge",
        "",
        "Downloaded on 2 December 2026. Only you can see what is in this file until you share it.",
        "",
        "## Reflections",
        "",
        "### First lesson",
        "",
        "**What did you notice?**",
        "",
        "> A tight chest.\n>\n> Then a joke.",
        "",
        "_Last changed 1 November 2026_",
        "",
        "**And then?**",
        "",
        "> I stayed.",
        "",
        "_Last changed 2 November 2026_",
        "",
        "### Second lesson",
        "",
        "**Why now?**",
        "",
        "> Because it matters.",
        "",
        "_Last changed 20 November 2026_",
        "",
        "## Practice log",
        "",
        "### Catching the reflex",
        "",
        "#### 10 November 2026",
        "",
        "**What happened**",
        "",
        "> Dinner",
        "",
        "**What you noticed**",
        "",
        "> Quiet",
        "",
        "**What you did**",
        "",
        "> Stayed",
        "",
        "#### 3 November 2026",
        "",
        "**What happened**",
        "",
        "> Call",
        "",
        "**What you noticed**",
        "",
        "> Pull",
        "",
      ].join("\n"),
    );
  });

  it("keeps what someone wrote from changing the file's shape: headings, fences and lists stay inside the quote", () => {
    expect(quoted("# Not a heading\n```\n- item\r\nend")).toBe("> # Not a heading\n> ```\n> - item\n> end");
  });

  it("says so when there is nothing yet", () => {
    const file = notesMarkdown({ reflections: [], practiceEntries: [], lessons, capacities, madeAt: day("2026-12-02") });
    expect(file).toContain("## Reflections\n\nNo reflections yet.");
    expect(file).toContain("## Practice log\n\nNo practice entries yet.");
  });
});
