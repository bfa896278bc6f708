import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { forgotPassword } from "@/lib/actions/password-reset";
import { resetByEmail } from "@/lib/auth/password-reset";

export const metadata: Metadata = {
  title: "Forgot your password?",
  description: "Set a new password with a link by email, or with your recovery code.",
};

// SMTP_URL is read when the page is asked for, not when it is built.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  if (!resetByEmail()) {
    return (
      <Container className="py-12 sm:py-16">
        <PageHeading title="Forgot your password?" lead="Your recovery code sets a new one." />
        <div className="mt-10 max-w-md space-y-8">
          <p>
            This Drawbridge sends no email, so the recovery code you were given when you created your account is the way
            back in. <TextLink href="/recover">Recover your account with the code</TextLink>.
          </p>
        </div>
      </Container>
    );
  }
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Forgot your password?"
        lead="We can email you a link to set a new one. It says nothing else: nothing about your results, lessons or notes."
      />
      <div className="mt-10 max-w-md space-y-8">
        <ForgotPasswordForm action={forgotPassword} />
        <p className="text-sm text-muted">
          Rather not use email? Your recovery code works too: <TextLink href="/recover">recover your account</TextLink>.
        </p>
      </div>
    </Container>
  );
}
