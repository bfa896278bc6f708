import type { MetadataRoute } from "next";

/**
 * The web app manifest, served at /manifest.webmanifest and linked from every page by Next.js:
 * the product's name, its colours (the canvas of app/globals.css, the theme colour the layout
 * gives light pages) and its icons (the mark on its accent; PNGs in public/icons drawn from
 * app/icon.svg by `npm run icons`). It opens in the browser, not as a standalone app window:
 * there "Leave quickly" and the browser's history and private windows work as people expect.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Drawbridge",
    short_name: "Drawbridge",
    description:
      "A self-guided place to understand why you push closeness away, and to practise letting the right people in.",
    start_url: "/",
    scope: "/",
    display: "browser",
    background_color: "#faf7f2",
    theme_color: "#faf7f2",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
