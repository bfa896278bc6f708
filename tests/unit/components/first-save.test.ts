import { afterEach, describe, expect, it } from "vitest";
import { afterFirstSave, canSaveNow, resetFirstSave } from "@/components/lessons/first-save";

/** A save whose answer the test decides when to give. */
function pendingSave() {
  let answer!: () => void;
  let fail!: () => void;
  const promise = new Promise<string>((resolve, reject) => {
    answer = () => resolve("first");
    fail = () => reject(new Error("offline"));
  });
  return { promise, answer, fail };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("saves from one lesson page", () => {
  afterEach(resetFirstSave);

  it("wait for the first save to answer, so they carry the guest cookie it sets", async () => {
    const first = pendingSave();
    const started: string[] = [];
    void afterFirstSave(() => {
      started.push("progress");
      return first.promise;
    });
    const second = afterFirstSave(async () => {
      started.push("reflection");
      return "second";
    });
    expect(canSaveNow()).toBe(false);
    await tick();
    expect(started).toEqual(["progress"]);

    first.answer();
    expect(await second).toBe("second");
    expect(started).toEqual(["progress", "reflection"]);
    expect(canSaveNow()).toBe(true);
  });

  it("still go out when the first save failed", async () => {
    const first = pendingSave();
    const failed = afterFirstSave(() => first.promise);
    const second = afterFirstSave(async () => "second");
    first.fail();
    await expect(failed).rejects.toThrow("offline");
    expect(await second).toBe("second");
  });

  it("go straight out when nothing has been saved yet", async () => {
    expect(canSaveNow()).toBe(true);
    expect(await afterFirstSave(async () => "only")).toBe("only");
  });
});
