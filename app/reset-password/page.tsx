import type { Metadata } from "next";
import { NewPasswordForm } from "@/components/account/new-password-form";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { setNewPassword } from "@/lib/actions/password-reset";
import { RESET_LINK_REFUSED, resetLinkWorks } from "@/lib/auth/password-reset";

export const metadata: Metadata = {
  title: "Set a new password",
  description: "Choose a new password for your Drawbridge account.",
  referrer: "same-origin", // the link’s token stays off other sites (and form posts still carry their origin)
};

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const token = (await searchParams).token;
  const works = typeof token === "string" && token.length <= 200 && (await resetLinkWorks(token));
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading title="Set a new password" lead="Once it’s set, every browser signed in to your account is signed out, and you sign in with the new one." />
      <div className="mt-10 max-w-md space-y-8">
        {works ? (
          <NewPasswordForm token={token} action={setNewPassword} />
        ) : (
          <p role="alert" className="rounded-xl border border-accent bg-accent-soft px-4 py-3 font-medium">
            {RESET_LINK_REFUSED} <TextLink href="/forgot-password">Ask for a new link</TextLink>.
          </p>
        )}
      </div>
    </Container>
  );
}
