import type { Metadata } from "next";
import { RecoveryCodeCard } from "@/components/account/recovery-code-card";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { makeNewRecoveryCode } from "@/lib/actions/recovery";
import { recoveryCodeToShow, signedInAccount } from "@/lib/auth/recovery";
import { formatRecoveryCode } from "@/lib/validation/recovery-code";

export const metadata: Metadata = {
  title: "Your recovery code",
  description: "The one-time code that lets you back into your account if you forget your password.",
  robots: { index: false },
};

/** Shows a new recovery code exactly once: the first request after it was made; never again. */
export default async function RecoveryCodePage({ searchParams }: PageProps<"/recovery-code">) {
  const query = await searchParams;
  const recovered = query.recovered === "1";
  const code = await recoveryCodeToShow();
  const signedIn = (await signedInAccount()) !== null;

  if (!code) {
    return (
      <Container className="py-12 sm:py-16">
        <PageHeading title="Your recovery code" lead="A recovery code is shown only once, right after it is made." />
        <div className="mt-10 max-w-reading space-y-6">
          <p>
            There’s no new code to show here: it was shown already, or it was made more than ten minutes ago. Drawbridge
            keeps only a scrambled form of it, so it can’t show it again.
          </p>
          {signedIn ? (
            <form action={makeNewRecoveryCode} className="space-y-3">
              <p>If you didn’t keep it, make a new one. The old one stops working.</p>
              <Button type="submit" variant="secondary">
                Make a new recovery code
              </Button>
            </form>
          ) : (
            <p>
              <TextLink href="/sign-in">Sign in</TextLink> to make a new one.
            </p>
          )}
          <ButtonLink href="/me">Go to My journey</ButtonLink>
        </div>
      </Container>
    );
  }

  return (
    <Container className="py-12 sm:py-16">
      <PageHeading
        title="Your recovery code"
        lead={
          recovered
            ? "Your new password is set and every other browser is signed out. Your old recovery code is used up: here is your new one."
            : "Keep this code somewhere safe, like a password manager or a printed page at home."
        }
      />
      <div className="mt-10 max-w-reading space-y-6">
        <Notice tone="accent" title="Keep it now: it won’t be shown again">
          <p>
            This is the only way back into your account if you forget your password. Drawbridge can’t show it again.
          </p>
        </Notice>
        <RecoveryCodeCard code={formatRecoveryCode(code)} />
        <p className="text-muted print:hidden">
          Forgot your password one day? Go to <TextLink href="/recover">Recover your account</TextLink> and enter your email,
          this code and a new password. Each code works once; then you get a new one.
        </p>
        {recovered && !signedIn ? (
          <p className="print:hidden">
            Please <TextLink href="/sign-in">sign in</TextLink> with your new password.
          </p>
        ) : null}
        <div className="print:hidden">
          <ButtonLink href={signedIn ? "/me" : "/sign-in"}>{signedIn ? "I’ve kept it: go to My journey" : "I’ve kept it: sign in"}</ButtonLink>
        </div>
      </div>
    </Container>
  );
}
