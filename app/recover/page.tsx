import type { Metadata } from "next";
import { RecoverForm } from "@/components/account/recover-form";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { recover } from "@/lib/actions/recovery";
import { resetByEmail } from "@/lib/auth/password-reset";

export const metadata: Metadata = {
  title: "Recover your account",
  description: "Forgot your password? Your recovery code sets a new one.",
};

// SMTP_URL is read when the page is asked for, not when it is built.
export const dynamic = "force-dynamic";

export default function RecoverPage() {
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Recover your account"
        lead="Forgot your password? The recovery code you were given when you created your account sets a new one."
      />
      <div className="mt-10 max-w-md space-y-8">
        <RecoverForm action={recover} />
        {resetByEmail() ? (
          <p className="text-sm text-muted">
            No code to hand? <TextLink href="/forgot-password">We can email you a link</TextLink> to set a new password
            instead.
          </p>
        ) : null}
        <p className="text-sm text-muted">
          {resetByEmail() ? "The recovery code works without email." : "Drawbridge sends no email, so the recovery code is the way back in."} Once it’s used, every browser signed in to
          the account is signed out and you get a new code. Lost the code too? Then the account can’t be opened again, but
          you can <TextLink href="/sign-up">create a new one</TextLink> or keep using Drawbridge as a guest.
        </p>
      </div>
    </Container>
  );
}
