// Reading a process tree from /proc (Linux): the benchmarks and the e2e tests find the
// next-server process under `npm start` with it.
import { readdirSync, readFileSync } from "node:fs";

/** Every process below `root`, from /proc (Linux). */
export function descendants(root: number): { pid: number; command: string }[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: { pid: number; command: string }[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      let command = "";
      try {
        command = readFileSync(`/proc/${child}/cmdline`, "utf8").replaceAll("\0", " ");
      } catch {
        continue;
      }
      found.push({ pid: child, command });
      visit(child);
    }
  };
  visit(root);
  return found;
}
