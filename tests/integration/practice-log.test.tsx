// @vitest-environment jsdom
// The practice log in the browser against the real thing: its saves go to the real server
// actions and its read to the real route handler, on a real database. Only the session is
// stood in (the visitor's guest profile), and a lost connection where a test needs one.
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentProfile } from "@/lib/data/profiles";
import { resetFirstSave } from "@/components/lessons/first-save";
import { addPracticeEntry, listPracticeEntries } from "@/lib/data/practice-entries";
import { makeGuestProfile } from "./support/profiles";

configure({ asyncUtilTimeout: 5000 }); // each save is a real write on a shared 2-core machine

const visitor: { profile: CurrentProfile | null } = { profile: null };
vi.mock("@/lib/auth/profile", () => ({
  currentProfile: async () => visitor.profile,
  currentOrNewProfile: async () => visitor.profile!,
}));

// The real actions, wrapped so a test can make one call fail as a dropped connection does.
vi.mock("@/lib/actions/practice-entries", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/actions/practice-entries")>();
  return {
    addToPracticeLog: vi.fn(real.addToPracticeLog),
    changePracticeEntry: vi.fn(real.changePracticeEntry),
    removePracticeEntry: vi.fn(real.removePracticeEntry),
  };
});
const actions = await import("@/lib/actions/practice-entries");
const entriesRoute = await import("@/app/api/practice/[capacity]/entries/route");
const { PracticeLog } = await import("@/components/lessons/practice-log");

const lostConnection = () => new TypeError("Failed to fetch");

/** The browser's fetch of the log, answered by the real route handler (or with `nextLoad` once). */
const reads = { nextLoad: null as Response | null, urls: [] as string[] };
function serveReads() {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      reads.urls.push(url);
      const override = reads.nextLoad;
      reads.nextLoad = null;
      if (override) return override;
      const capacity = decodeURIComponent(url.split("/")[3]!);
      return entriesRoute.GET(new Request(`http://localhost${url}`), { params: Promise.resolve({ capacity }) });
    }),
  );
}

const earlier = {
  capacity: "catching-the-reflex",
  practisedOn: "2026-11-02",
  whatHappened: "My sister asked how I really was.",
  whatNoticed: "A tight chest and a joke ready.",
  whatYouDid: "Answered honestly, briefly.",
};

function renderLog() {
  return render(<PracticeLog capacity="catching-the-reflex" capacityName="Catching the reflex" />);
}

function fillIn(values: Partial<Record<"The day it happened" | "What happened" | "What you noticed" | "What you did", string>>) {
  const form = screen.getByRole("form", { name: "Add an entry" });
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(within(form).getByLabelText(label), { target: { value } });
  }
  return form;
}

function localToday() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

beforeEach(async () => {
  vi.clearAllMocks(); // each test counts its own action calls
  visitor.profile = await makeGuestProfile();
  serveReads();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetFirstSave(); // each test is a new page
});

describe("PracticeLog", () => {
  it("is a labelled region that says it is loading, then invites the first entry", async () => {
    renderLog();
    expect(screen.getByRole("region", { name: "Your practice log" })).toBeTruthy();
    expect(screen.getByText("Loading your entries…")).toBeTruthy();
    expect(await screen.findByText(/Nothing here yet/)).toBeTruthy();
    expect(reads.urls).toEqual(["/api/practice/catching-the-reflex/entries"]);
    // The date starts at today, where the visitor is.
    expect((screen.getByLabelText("The day it happened") as HTMLInputElement).value).toBe(localToday());
  });

  it("shows a saved entry at once, empties the form and says so", async () => {
    renderLog();
    await screen.findByText(/Nothing here yet/);
    const form = fillIn({
      "The day it happened": "2026-11-20",
      "What happened": "Dad said he was proud of me.",
      "What you noticed": "I wanted to change the subject.",
      "What you did": "Said thank you and stayed.",
    });
    fireEvent.click(within(form).getByRole("button", { name: "Save entry" }));

    const status = await screen.findByText("Entry saved");
    expect(status.getAttribute("role")).toBe("status");
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(await listPracticeEntries(visitor.profile!)).toMatchObject([
      {
        capacity: "catching-the-reflex",
        practisedOn: new Date("2026-11-20"),
        whatHappened: "Dad said he was proud of me.",
        whatNoticed: "I wanted to change the subject.",
        whatYouDid: "Said thank you and stayed.",
      },
    ]);

    const entry = screen.getByRole("article", { name: /20 November 2026/ });
    expect(within(entry).getByText("Dad said he was proud of me.")).toBeTruthy();
    expect(within(entry).getByText("Said thank you and stayed.")).toBeTruthy();
    const emptied = screen.getByRole("form", { name: "Add an entry" });
    expect((within(emptied).getByLabelText("What happened") as HTMLTextAreaElement).value).toBe("");
    expect((within(emptied).getByLabelText("The day it happened") as HTMLInputElement).value).toBe(localToday());
    expect(screen.queryByText(/Nothing here yet/)).toBeNull();
  });

  it("lists entries newest first", async () => {
    await addPracticeEntry(visitor.profile!, earlier);
    await addPracticeEntry(visitor.profile!, { ...earlier, practisedOn: "2026-11-10" });
    renderLog();
    const list = await screen.findByRole("list");
    const days = within(list).getAllByRole("article").map((article) => article.querySelector("time")?.dateTime);
    expect(days).toEqual(["2026-11-10", "2026-11-02"]);
  });

  it("shows the server's message beside the field it is about, and keeps what was written", async () => {
    renderLog();
    await screen.findByText(/Nothing here yet/);
    const form = fillIn({ "What happened": "A hug at the door.", "What you did": "Stayed for it." });
    fireEvent.click(within(form).getByRole("button", { name: "Save entry" }));

    const message = await within(form).findByText("Please write a few words about what you noticed.");
    const field = within(form).getByLabelText("What you noticed");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toBe(message.id);
    expect(document.activeElement).toBe(field);
    expect(within(form).getByLabelText("What happened").getAttribute("aria-invalid")).toBeNull();
    expect((within(form).getByLabelText("What happened") as HTMLTextAreaElement).value).toBe("A hug at the door.");
    expect(screen.queryByText("Entry saved")).toBeNull();
    expect(await listPracticeEntries(visitor.profile!)).toEqual([]);

    // Writing in the field clears its message.
    fireEvent.change(field, { target: { value: "My shoulders went up." } });
    expect(within(form).queryByText("Please write a few words about what you noticed.")).toBeNull();
  });

  it("says in one line when the server can't be reached, and the words stay", async () => {
    renderLog();
    await screen.findByText(/Nothing here yet/);
    vi.mocked(actions.addToPracticeLog).mockRejectedValueOnce(lostConnection());
    const form = fillIn({ "What happened": "A long call.", "What you noticed": "Restless.", "What you did": "Stayed." });
    fireEvent.click(within(form).getByRole("button", { name: "Save entry" }));
    expect((await within(form).findByRole("alert")).textContent).toMatch(/couldn’t reach Drawbridge/);
    expect((within(form).getByLabelText("What happened") as HTMLTextAreaElement).value).toBe("A long call.");

    fireEvent.click(within(form).getByRole("button", { name: "Save entry" }));
    expect(await screen.findByText("Entry saved")).toBeTruthy();
    expect(screen.getByRole("article", { name: /.+/ })).toBeTruthy();
  });

  it("offers to try again when the entries can't be loaded", async () => {
    await addPracticeEntry(visitor.profile!, earlier);
    reads.nextLoad = new Response("", { status: 503 });
    renderLog();
    expect((await screen.findByRole("alert")).textContent).toBe("We couldn’t load your entries just now.");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText(earlier.whatHappened)).toBeTruthy();
  });

  it("edits an entry in place, and Cancel leaves it as it was", async () => {
    await addPracticeEntry(visitor.profile!, earlier);
    renderLog();
    fireEvent.click(await screen.findByRole("button", { name: /^Edit the entry from .*2 November 2026$/ }));

    let form = screen.getByRole("form", { name: /^Edit the entry from .*2 November 2026$/ });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText("The day it happened")));
    expect((within(form).getByLabelText("What you did") as HTMLTextAreaElement).value).toBe(earlier.whatYouDid);
    fireEvent.change(within(form).getByLabelText("What you did"), { target: { value: "Nothing different" } });
    fireEvent.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form", { name: /Edit the entry/ })).toBeNull();
    expect(screen.getByText(earlier.whatYouDid)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Edit/));

    fireEvent.click(screen.getByRole("button", { name: /^Edit/ }));
    form = screen.getByRole("form", { name: /Edit the entry/ });
    fireEvent.change(within(form).getByLabelText("What you did"), { target: { value: "Asked her the same back." } });
    fireEvent.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(await screen.findByText("Changes saved")).toBeTruthy();
    expect(screen.getByText("Asked her the same back.")).toBeTruthy();
    expect(screen.queryByRole("form", { name: /Edit the entry/ })).toBeNull();
    expect(await listPracticeEntries(visitor.profile!)).toMatchObject([
      { practisedOn: new Date("2026-11-02"), whatHappened: earlier.whatHappened, whatYouDid: "Asked her the same back." },
    ]);
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Edit/));
  });

  it("asks before deleting: Keep it keeps the entry, Delete removes it", async () => {
    await addPracticeEntry(visitor.profile!, earlier);
    renderLog();
    fireEvent.click(await screen.findByRole("button", { name: /^Delete the entry from/ }));
    const question = screen.getByRole("group", { name: "Delete this entry?" });
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Keep it" })));

    fireEvent.click(within(question).getByRole("button", { name: "Keep it" }));
    expect(screen.queryByRole("group", { name: "Delete this entry?" })).toBeNull();
    expect(screen.getByText(earlier.whatHappened)).toBeTruthy();
    expect(actions.removePracticeEntry).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: /^Delete the entry from/ }));
    fireEvent.click(
      within(screen.getByRole("group", { name: "Delete this entry?" })).getByRole("button", { name: "Delete" }),
    );
    expect(await screen.findByText("Entry deleted")).toBeTruthy();
    expect(screen.queryByText(earlier.whatHappened)).toBeNull();
    expect(screen.getByText(/Nothing here yet/)).toBeTruthy();
    expect(await listPracticeEntries(visitor.profile!)).toEqual([]);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Your entries" })),
    );
  });

  it("keeps the question open with a message when a delete doesn't reach the server", async () => {
    await addPracticeEntry(visitor.profile!, earlier);
    renderLog();
    fireEvent.click(await screen.findByRole("button", { name: /^Delete the entry from/ }));
    vi.mocked(actions.removePracticeEntry).mockRejectedValueOnce(lostConnection());
    const question = screen.getByRole("group", { name: "Delete this entry?" });
    fireEvent.click(within(question).getByRole("button", { name: "Delete" }));
    expect((await within(question).findByRole("alert")).textContent).toMatch(/couldn’t delete it/);
    expect(screen.getByText(earlier.whatHappened)).toBeTruthy();
  });

  it("says an entry deleted meanwhile (in another tab) isn't here any more, and saves nothing", async () => {
    const kept = await addPracticeEntry(visitor.profile!, earlier);
    renderLog();
    fireEvent.click(await screen.findByRole("button", { name: /^Edit the entry from/ }));
    const form = screen.getByRole("form", { name: /Edit the entry/ });
    await actions.removePracticeEntry(kept.id); // the other tab
    fireEvent.change(within(form).getByLabelText("What you did"), { target: { value: "Changed too late." } });
    fireEvent.click(within(form).getByRole("button", { name: "Save changes" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("This entry isn’t here any more.");
    expect(await listPracticeEntries(visitor.profile!)).toEqual([]);
  });
});

describe("the practice log's server actions, called by anyone", () => {
  it("change and delete nothing of another visitor's entries, and say the entry isn't here", async () => {
    const owner = await makeGuestProfile();
    const theirs = await addPracticeEntry(owner, earlier);
    // visitor.profile is a different guest: the one calling.
    expect(await actions.changePracticeEntry(theirs.id, { ...earlier, whatYouDid: "Overwritten." })).toEqual({
      error: "This entry isn’t here any more.",
      fieldErrors: {},
    });
    expect(await actions.removePracticeEntry(theirs.id)).toBe("deleted"); // nothing of theirs is there for this visitor
    expect(await listPracticeEntries(owner)).toMatchObject([{ id: theirs.id, whatYouDid: earlier.whatYouDid }]);
  });

  it("refuse an unknown practice and a draft that is no form's, saving nothing", async () => {
    expect(await actions.addToPracticeLog("not-a-capacity", earlier)).toEqual({ error: "There is no practice by that name.", fieldErrors: {} });
    expect(await actions.addToPracticeLog("catching-the-reflex", null)).toEqual({
      error: "That entry could not be saved. Please try again.",
      fieldErrors: {},
    });
    expect(await listPracticeEntries(visitor.profile!)).toEqual([]);
  });
});
