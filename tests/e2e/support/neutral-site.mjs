// Stands in for the outside world in the Leave quickly tests: a plain page for any host under
// *.localhost (Chromium sends those to this machine), so nothing leaves it. weather.localhost is
// the QUICK_EXIT_URL the e2e server is given; before.localhost is "the site open before Drawbridge".
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? process.env.E2E_NEUTRAL_PORT);
const pages = {
  weather: ["Weather", "Weather today"],
  before: ["Elsewhere", "Somewhere else"],
};

createServer((request, response) => {
  const name = (request.headers.host ?? "").split(".")[0];
  const [title, heading] = pages[name] ?? ["Elsewhere", "Somewhere else"];
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  response.end(`<!doctype html><html lang="en"><title>${title}</title><h1>${heading}</h1></html>`);
}).listen(port);
