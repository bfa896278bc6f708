import { EmailAddress } from "@/components/account/email-address";
import { TextLink } from "@/components/ui/text-link";
import { AccountForm } from "@/components/account/account-form";
import { SignOutButton } from "@/components/account/sign-out-button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { signIn, signUp } from "@/lib/actions/account";
import type { ProfileSummary } from "@/lib/data/profiles";

type AccountPageProps = {
  mode: "sign-up" | "sign-in";
  /** Who is here already: nobody (null), a guest, or someone signed in. */
  visitor: ProfileSummary | null;
  signedOut?: boolean;
  /** Whether "forgot password" can email a link (SMTP_URL is set); else the recovery code is the way back. */
  resetByEmail?: boolean;
  /** Just back from /reset-password with a new password. */
  passwordReset?: boolean;
};

const headings = {
  "sign-up": {
    title: "Create an account",
    lead: "Keep your results, lesson progress and notes, and find them again on any device.",
  },
  "sign-in": { title: "Sign in", lead: "Welcome back. Your journey is where you left it." },
} as const;

/** The sign-up and sign-in pages: the same calm frame around one short form. */
export function AccountPage({ mode, visitor, signedOut, resetByEmail = false, passwordReset = false }: AccountPageProps) {
  const { title, lead } = headings[mode];
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading title={title} lead={lead} />
      <div className="mt-10 max-w-md space-y-8">
        {passwordReset ? (
          <p role="status" className="rounded-xl border border-line bg-surface px-4 py-3 font-medium">
            Your new password is set, and every browser that was signed in is signed out. Sign in with the new password.
          </p>
        ) : null}
        {signedOut ? (
          <p role="status" className="rounded-xl border border-line bg-surface px-4 py-3 font-medium">
            You’re signed out. Everything you saved stays in your account.
          </p>
        ) : null}
        {visitor?.kind === "account" ? (
          <Notice title="You’re already signed in" tone="highlight">
            <p>
              You’re signed in as <EmailAddress email={visitor.email} />. Your saved work is on{" "}
              <TextLink href="/me">My journey</TextLink>.
            </p>
            <SignOutButton />
          </Notice>
        ) : (
          <>
            {visitor?.kind === "guest" ? (
              <Notice tone="highlight">
                <p>
                  What you’ve saved on this device as a guest, your quiz results, lesson progress, reflections and
                  practice notes, moves into your account when you {mode === "sign-up" ? "create it" : "sign in"}.
                </p>
              </Notice>
            ) : null}
            <AccountForm mode={mode} action={mode === "sign-up" ? signUp : signIn} />
            <p className="text-sm text-muted">
              {mode === "sign-up" ? (
                resetByEmail ? (
                  "Your email is only used to sign you in and, if you ask, to send you a link to set a new password: no newsletters, nothing shared. Once your account is made you also get a one-time recovery code, another way back in."
                ) : (
                  "Your email is only used to sign you in: no newsletters, nothing shared. Drawbridge sends no email: once your account is made you get a one-time recovery code, your way back in if you forget your password."
                )
              ) : resetByEmail ? (
                <>
                  Forgot your password? <TextLink href="/forgot-password">We can email you a link</TextLink>, or your
                  recovery code sets a new one: <TextLink href="/recover">recover your account</TextLink>.
                </>
              ) : (
                <>
                  Forgotten your password? Drawbridge sends no email: your recovery code is the way back in.{" "}
                  <TextLink href="/recover">Recover your account</TextLink>.
                </>
              )}{" "}
              <TextLink href="/privacy">How your data is kept</TextLink>.
            </p>
          </>
        )}
      </div>
    </Container>
  );
}
