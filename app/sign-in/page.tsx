import type { Metadata } from "next";
import { AccountPage } from "@/components/account/account-page";
import { resetByEmail } from "@/lib/auth/password-reset";
import { currentProfile } from "@/lib/auth/profile";
import { describeProfile } from "@/lib/data/profiles";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to find your saved results, lesson progress and notes.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const profile = await currentProfile();
  const visitor = profile ? await describeProfile(profile) : null;
  const query = await searchParams;
  const signedOut = query["signed-out"] === "1";
  return (
    <AccountPage
      mode="sign-in"
      visitor={visitor}
      signedOut={signedOut && visitor?.kind !== "account"}
      resetByEmail={resetByEmail()}
      passwordReset={query["password-reset"] === "1" && visitor?.kind !== "account"}
    />
  );
}
