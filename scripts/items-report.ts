// `npm run items:report [version]`: the item analysis of /admin/items as Markdown on stdout,
// from the database DATABASE_URL names (SQLite under data/ by default), for operators without
// an account. The version defaults to the current quiz's; an unknown one exits 1 with the list.
// Runs with the react-server condition (see package.json) so lib/data's server-only guard lets it in.
import { strategyTexts } from "../lib/content/quiz";
import { analysableVersions, itemAnalysisForVersion } from "../lib/data/item-analysis";
import { db } from "../lib/db";
import { STRATEGIES } from "../lib/scoring";
import { itemAnalysisMarkdown } from "./lib/item-analysis-markdown";

async function main(): Promise<number> {
  const { versions, current } = analysableVersions();
  const version = process.argv[2] ?? current;
  const analysis = await itemAnalysisForVersion(version);
  if (!analysis) {
    console.error(`There is no quiz version "${version}". Published versions: ${versions.join(", ")} (current: ${current}).`);
    return 1;
  }
  const names = Object.fromEntries(STRATEGIES.map((strategy) => [strategy, strategyTexts[strategy].name]));
  process.stdout.write(itemAnalysisMarkdown(analysis, names));
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db().$disconnect());
