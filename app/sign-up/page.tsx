import type { Metadata } from "next";
import { AccountPage } from "@/components/account/account-page";
import { resetByEmail } from "@/lib/auth/password-reset";
import { currentProfile } from "@/lib/auth/profile";
import { describeProfile } from "@/lib/data/profiles";

export const metadata: Metadata = {
  title: "Create an account",
  description: "Keep your quiz results, lesson progress and notes, and reach them from any device.",
};

export default async function SignUpPage() {
  const profile = await currentProfile();
  const visitor = profile ? await describeProfile(profile) : null;
  return <AccountPage mode="sign-up" visitor={visitor} resetByEmail={resetByEmail()} />;
}
