// Engine and server errors carry connection URLs; these keep their passwords out of what we print.
import { redactUrl } from "../../lib/config";

/** `text` with every URL's password redacted and each of `secrets` replaced by ***. */
export function hideSecrets(text: string, secrets: string[]): string {
  let out = text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'`]+/gi, (url) => redactUrl(url));
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join("***");
  return out;
}

/** The passwords in `urls` (as written and decoded), for hideSecrets. */
export function passwordsOf(...urls: (string | undefined)[]): string[] {
  const found: string[] = [];
  for (const url of urls) {
    if (!url) continue;
    try {
      const password = new URL(url).password;
      if (password) found.push(password, decodeURIComponent(password));
    } catch {
      /* not a URL: nothing to hide */
    }
  }
  return found;
}
