// A new visitor's first save creates their guest profile and sets its cookie. A lesson page
// records progress the moment it opens; a reflection or practice entry sent before that answer
// arrives would still have no cookie, create a second guest, and be lost to the visitor. So
// every save from the page waits for the first one to have answered.

let firstSave: Promise<void> | undefined;
let firstSaveAnswered = false;

/** Runs `save` now if it is the page's first, otherwise once the first save has answered. */
export function afterFirstSave<T>(save: () => Promise<T>): Promise<T> {
  if (firstSave) return firstSave.then(save);
  const result = save();
  firstSave = result.then(
    () => void (firstSaveAnswered = true),
    () => void (firstSaveAnswered = true),
  );
  return result;
}

/** True when a save can go straight out: none has gone yet, or the first has answered. */
export function canSaveNow(): boolean {
  return firstSave === undefined || firstSaveAnswered;
}

/** For tests: forget the page's saves, as a new page would. */
export function resetFirstSave(): void {
  firstSave = undefined;
  firstSaveAnswered = false;
}
