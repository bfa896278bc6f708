import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import manifest from "@/app/manifest";

const root = join(__dirname, "..", "..");
/** A colour token of app/globals.css's light theme, e.g. "canvas" → "#faf7f2". */
const token = (name: string) => new RegExp(`--color-${name}: (#[0-9a-f]{6});`).exec(readFileSync(join(root, "app", "globals.css"), "utf8"))![1];

describe("the web app manifest", () => {
  it("names Drawbridge in the site's own colours and opens in the browser", () => {
    const app = manifest();
    expect(app.name).toBe("Drawbridge");
    expect(app.short_name).toBe("Drawbridge");
    expect(app.background_color).toBe(token("canvas"));
    expect(app.theme_color).toBe(token("canvas"));
    expect(app.display).toBe("browser");
  });

  it("lists icons that exist at the size it gives", () => {
    for (const icon of manifest().icons ?? []) {
      if (icon.type === "image/svg+xml") {
        expect(readFileSync(join(root, "app", icon.src.slice(1)), "utf8")).toContain("<svg");
        continue;
      }
      const png = readFileSync(join(root, "public", icon.src.slice(1)));
      // A PNG's IHDR chunk holds its width and height at bytes 16 and 20.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }
  });

  it("has an apple-touch icon of 180 × 180, the size iOS asks for", () => {
    const png = readFileSync(join(root, "public", "apple-touch-icon.png"));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([180, 180]);
  });
});
