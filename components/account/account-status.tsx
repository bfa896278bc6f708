import { EmailAddress } from "@/components/account/email-address";
import { SignOutButton } from "@/components/account/sign-out-button";
import { Button, ButtonLink } from "@/components/ui/button";
import { makeNewRecoveryCode } from "@/lib/actions/recovery";
import type { ProfileSummary } from "@/lib/data/profiles";

/** The top of My journey: whose journey this is, and the way in or out. */
export function AccountStatus({ visitor }: { visitor: ProfileSummary | null }) {
  if (visitor?.kind === "account") {
    return (
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3 rounded-2xl border border-line bg-surface px-5 py-4">
        <p className="min-w-0">
          Signed in as <EmailAddress email={visitor.email} />
        </p>
        <SignOutButton />
        {/* A plain form: a new code replaces the old one and is shown once, at /recovery-code. */}
        <form action={makeNewRecoveryCode}>
          <Button type="submit" variant="secondary">
            Make a new recovery code
          </Button>
        </form>
      </div>
    );
  }
  return (
    <div className="rounded-2xl border border-line bg-surface px-5 py-4">
      <p className="max-w-reading">
        {visitor?.kind === "guest"
          ? "You’re using Drawbridge as a guest: what you save is kept for this browser only. An account keeps it and lets you come back from any device."
          : "Nothing is saved yet. Take the quiz or read a lesson and your progress appears here, or sign in to find what you saved before."}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        {/* With nothing saved yet, the quiz below is the first step; an account can wait. */}
        <ButtonLink href="/sign-up" variant={visitor ? "primary" : "secondary"}>
          Create an account
        </ButtonLink>
        <ButtonLink href="/sign-in" variant="secondary">
          Sign in
        </ButtonLink>
      </div>
    </div>
  );
}
